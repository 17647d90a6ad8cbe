using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpcPlayground.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClientQuotas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Client",
                table: "runs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EventBytes",
                table: "runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Client",
                table: "experiments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_runs_Client_EndedAtMs",
                table: "runs",
                columns: new[] { "Client", "EndedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_experiments_Client_CreatedAtMs",
                table: "experiments",
                columns: new[] { "Client", "CreatedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_runs_Client_EndedAtMs",
                table: "runs");

            migrationBuilder.DropIndex(
                name: "IX_experiments_Client_CreatedAtMs",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "Client",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "EventBytes",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "Client",
                table: "experiments");
        }
    }
}
