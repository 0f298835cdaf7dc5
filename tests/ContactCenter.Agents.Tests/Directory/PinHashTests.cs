using ContactCenter.Agents.Directory;

namespace ContactCenter.Agents.Tests.Directory;

[TestFixture]
public sealed class PinHashTests
{
    [Test]
    public void A_hashed_PIN_verifies_and_another_PIN_does_not()
    {
        var stored = PinHash.Hash("4821");

        Assert.That(PinHash.Verify("4821", stored), Is.True);
        Assert.That(PinHash.Verify("4822", stored), Is.False);
        Assert.That(PinHash.Verify("48210", stored), Is.False);
    }

    [Test]
    public void The_same_PIN_hashes_differently_each_time_and_never_appears_in_the_hash()
    {
        var first = PinHash.Hash("123456");
        var second = PinHash.Hash("123456");

        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(first, Does.StartWith("pbkdf2-sha256$100000$").And.Not.Contain("123456"));
    }

    [TestCase("")]
    [TestCase("plain-4821")]
    [TestCase("pbkdf2-sha256$100000$not base64$AAAA")]
    [TestCase("pbkdf2-sha256$0$AAAA$AAAA")]
    [TestCase("md5$1$AAAA$AAAA")]
    public void A_stored_value_that_is_not_a_known_hash_verifies_nothing(string stored) =>
        Assert.That(PinHash.Verify("4821", stored), Is.False);
}
