using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IpcPlayground.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoomPredictions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workshop_predictions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkshopId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExperimentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Hold = table.Column<bool>(type: "boolean", nullable: false),
                    StartedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workshop_predictions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workshop_predictions_workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prediction_answers",
                columns: table => new
                {
                    PredictionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ParticipantId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RunId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Process = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Step = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Iteration = table.Column<int>(type: "integer", nullable: true),
                    Op = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Object = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    About = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Choice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Actual = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Correct = table.Column<bool>(type: "boolean", nullable: true),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prediction_answers", x => new { x.PredictionId, x.ParticipantId, x.QuestionKey });
                    table.ForeignKey(
                        name: "FK_prediction_answers_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_prediction_answers_workshop_predictions_PredictionId",
                        column: x => x.PredictionId,
                        principalTable: "workshop_predictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prediction_questions",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PredictionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Process = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Step = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Iteration = table.Column<int>(type: "integer", nullable: true),
                    Op = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Object = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    About = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ChoicesJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prediction_questions", x => x.Seq);
                    table.ForeignKey(
                        name: "FK_prediction_questions_workshop_predictions_PredictionId",
                        column: x => x.PredictionId,
                        principalTable: "workshop_predictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prediction_answers_ParticipantId",
                table: "prediction_answers",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_prediction_answers_PredictionId_QuestionKey",
                table: "prediction_answers",
                columns: new[] { "PredictionId", "QuestionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_prediction_questions_PredictionId_QuestionKey",
                table: "prediction_questions",
                columns: new[] { "PredictionId", "QuestionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workshop_predictions_WorkshopId_StartedAtMs",
                table: "workshop_predictions",
                columns: new[] { "WorkshopId", "StartedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prediction_answers");

            migrationBuilder.DropTable(
                name: "prediction_questions");

            migrationBuilder.DropTable(
                name: "workshop_predictions");
        }
    }
}
