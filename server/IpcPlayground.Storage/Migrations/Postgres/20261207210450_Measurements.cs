using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpcPlayground.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Measurements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "measurements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    EndedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAtMs = table.Column<long>(type: "bigint", nullable: false),
                    CellCount = table.Column<int>(type: "integer", nullable: false),
                    Request = table.Column<byte[]>(type: "bytea", nullable: false),
                    EventsNdjson = table.Column<byte[]>(type: "bytea", nullable: false),
                    Client = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_measurements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_measurements_Client_EndedAtMs",
                table: "measurements",
                columns: new[] { "Client", "EndedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_measurements_ExpiresAtMs",
                table: "measurements",
                column: "ExpiresAtMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "measurements");
        }
    }
}
