using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Server.Workshops;

namespace IpcPlayground.UnitTests.Workshops;

public sealed class WorkshopKeysTests
{
    [Fact]
    public void A_new_key_names_its_holder_and_matches_only_its_own_hash()
    {
        var (key, hash) = WorkshopKeys.NewParticipantKey("abcdefghijklmnop");
        var parsed = WorkshopKeys.Parse(key)!;
        Assert.Equal((WorkshopRoles.Participant, "abcdefghijklmnop"), (parsed.Role, parsed.Id));
        Assert.True(WorkshopKeys.Matches(parsed.Secret, hash));
        Assert.False(WorkshopKeys.Matches(parsed.Secret[..^1] + (parsed.Secret[^1] == 'a' ? 'b' : 'a'), hash));
        Assert.DoesNotContain(parsed.Secret, hash, StringComparison.Ordinal);

        var (other, otherHash) = WorkshopKeys.NewInstructorKey("abcdefghijklmnop");
        Assert.Equal(WorkshopRoles.Instructor, WorkshopKeys.Parse(other)!.Role);
        Assert.NotEqual(hash, otherHash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("p.id")]
    [InlineData("x.abcdefghijklmnop.abcdefghijklmnopqrstuvwxyz")]
    [InlineData("p.abcdefghijklmnop.short")]
    [InlineData("p..abcdefghijklmnopqrstuvwxyz")]
    [InlineData("p.a.b.abcdefghijklmnopqrstuvwxyz")]
    public void A_malformed_key_is_refused(string key) => Assert.Null(WorkshopKeys.Parse(key));
}
