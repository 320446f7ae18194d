using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppRoleGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AppRoleSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AppRoleSql.Drop);
        }
    }
}
