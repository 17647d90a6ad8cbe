using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpcPlayground.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Workshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ParticipantId",
                table: "runs",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkshopId",
                table: "runs",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "workshops",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JoinCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InstructorKeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JoinOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    SpotlightParticipantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workshops", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WorkshopId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JoinedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Connections = table.Column<int>(type: "INTEGER", nullable: false),
                    Experiment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastRunId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LastRunStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LastRunEventCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRunBlocked = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastRunDeadlocked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participants_workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workshop_experiments",
                columns: table => new
                {
                    WorkshopId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExperimentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workshop_experiments", x => new { x.WorkshopId, x.Position });
                    table.ForeignKey(
                        name: "FK_workshop_experiments_workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_participants_WorkshopId",
                table: "participants",
                column: "WorkshopId");

            migrationBuilder.CreateIndex(
                name: "IX_workshops_JoinCode",
                table: "workshops",
                column: "JoinCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "participants");

            migrationBuilder.DropTable(
                name: "workshop_experiments");

            migrationBuilder.DropTable(
                name: "workshops");

            migrationBuilder.DropColumn(
                name: "ParticipantId",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "WorkshopId",
                table: "runs");
        }
    }
}
