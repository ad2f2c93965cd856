using MealGateway.Broker;

namespace MealGateway.Tests.Broker;

public sealed class TopicAclTests
{
    [Theory]
    [InlineData("meal/v1/S01/T01/records", true)]
    [InlineData("meal/v1/S01/T01/status", true)]
    [InlineData("meal/v1/S01/T01/time-req", true)]
    [InlineData("meal/v1/S01/T01/fetch", true)]
    [InlineData("meal/v1/S01/T01/ack", false)]
    [InlineData("meal/v1/S01/T01/roster", false)]
    [InlineData("meal/v1/S01/T01/chunk", false)]
    [InlineData("meal/v1/S01/T01/records/x", false)]
    [InlineData("meal/v1/S01/T02/records", false)]
    [InlineData("meal/v1/S02/T01/records", false)]
    [InlineData("meal/v1/S01/T01", false)]
    [InlineData("meal/v1/S01/T01/", false)]
    [InlineData("meal/v1/S01/T011/records", false)]
    [InlineData("other/S01/T01/records", false)]
    public void Terminal_PublishesOnlyOnItsOwnUpstreamChannels(string topic, bool allowed) =>
        Assert.Equal(allowed, TopicAcl.MayPublish("S01", "T01", topic));

    [Theory]
    [InlineData("meal/v1/S01/T01/ack", true)]
    [InlineData("meal/v1/S01/T01/time", true)]
    [InlineData("meal/v1/S01/T01/roster", true)]
    [InlineData("meal/v1/S01/T01/config", true)]
    [InlineData("meal/v1/S01/T01/chunk", true)]
    [InlineData("meal/v1/S01/T01/font", true)]
    [InlineData("meal/v1/S01/T01/roster/chunk", false)]
    [InlineData("meal/v1/S01/T01/fetch", false)]
    [InlineData("meal/v1/S01/T01/time-req", false)]
    [InlineData("meal/v1/S01/T01/records", false)]
    [InlineData("meal/v1/S01/T01/status", false)]
    [InlineData("meal/v1/S01/T01/#", false)]
    [InlineData("meal/v1/S01/T01/+", false)]
    [InlineData("meal/v1/S01/T02/ack", false)]
    [InlineData("meal/v1/S01/+/ack", false)]
    [InlineData("meal/v1/#", false)]
    [InlineData("#", false)]
    public void Terminal_SubscribesOnlyToItsOwnDownstreamTopics(string filter, bool allowed) =>
        Assert.Equal(allowed, TopicAcl.MaySubscribe("S01", "T01", filter));
}
