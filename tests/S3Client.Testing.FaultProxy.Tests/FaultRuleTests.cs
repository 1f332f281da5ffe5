using System.Net;
using S3Client.FaultInjection.Tests.TestSupport;

namespace S3Client.FaultInjection.Tests;

/// <summary>Which rule fires for which request, and how often.</summary>
public class FaultRuleTests
{
    [Fact]
    public async Task A_rule_fires_Times_times_then_requests_pass_through()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("ok"));
        await using var proxy = FaultProxy.Start(origin.Url);
        var rule = proxy.Add(new FaultRule(FaultAction.S3Error(503, "SlowDown")) { Times = 2 });
        using var client = TestHttp.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"));
            statuses.Add(response.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        rule.FiredCount.Should().Be(2);
        proxy.Requests.Select(r => r.Rule).Should().Equal(rule, rule, null);
        origin.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Rules_are_asked_in_the_order_they_were_added()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("ok"));
        await using var proxy = FaultProxy.Start(origin.Url);
        var puts = proxy.Add(new FaultRule(FaultAction.S3Error(500, "InternalError")) { Match = r => r.Method == "PUT", Times = FaultRule.Unlimited });
        var any = proxy.Add(new FaultRule(FaultAction.S3Error(503, "SlowDown")) { Times = FaultRule.Unlimited });
        using var client = TestHttp.CreateClient();

        using var put = await client.PutAsync(new Uri(proxy.Url, "/bucket/key"), new StringContent("x"));
        using var get = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"));
        using var secondPut = await client.PutAsync(new Uri(proxy.Url, "/bucket/key"), new StringContent("x"));

        new[] { put.StatusCode, get.StatusCode, secondPut.StatusCode }.Should()
            .Equal(HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError);
        puts.FiredCount.Should().Be(2);
        any.FiredCount.Should().Be(1);
    }

    [Fact]
    public async Task A_rule_can_match_on_query_parameters_and_headers()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("ok"));
        await using var proxy = FaultProxy.Start(origin.Url);
        var rule = proxy.Add(new FaultRule(FaultAction.ResetBeforeResponse(forwardRequest: false))
        {
            Match = r => r.HasQueryParameter("partNumber") && r.GetHeader("X-AMZ-META-TRY") == "2",
            Times = FaultRule.Unlimited,
        });
        using var client = TestHttp.CreateClient();

        async Task<HttpStatusCode> PutAsync(string pathAndQuery, string attempt)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(proxy.Url, pathAndQuery)) { Content = new StringContent("part") };
            request.Headers.Add("x-amz-meta-try", attempt);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        (await PutAsync("/bucket/key?partNumber=1&uploadId=u", "1")).Should().Be(HttpStatusCode.OK);
        (await PutAsync("/bucket/key?uploadId=u&partNumbers=2", "2")).Should().Be(HttpStatusCode.OK);
        await FluentActions.Awaiting(() => PutAsync("/bucket/key?uploadId=u&partNumber=2", "2")).Should().ThrowAsync<HttpRequestException>();
        rule.FiredCount.Should().Be(1);
    }

    [Fact]
    public async Task A_PassThrough_rule_lets_requests_through_before_a_later_rule_fires()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("ok"));
        await using var proxy = FaultProxy.Start(origin.Url);
        var first = proxy.Add(new FaultRule(FaultAction.PassThrough) { Times = 2 });
        var fault = proxy.Add(new FaultRule(FaultAction.S3Error(500, "InternalError")));
        using var client = TestHttp.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"));
            statuses.Add(response.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        proxy.Requests.Select(r => r.Rule).Should().Equal(first, first, fault, null);
    }

    [Fact]
    public async Task Concurrent_requests_fire_a_rule_no_more_than_Times_times()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("ok"));
        await using var proxy = FaultProxy.Start(origin.Url);
        var rule = proxy.Add(new FaultRule(FaultAction.S3Error(503, "SlowDown")) { Times = 5 });
        using var client = TestHttp.CreateClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            using var response = await client.GetAsync(new Uri(proxy.Url, $"/bucket/key{i}"));
            return response.StatusCode;
        }));

        statuses.Count(s => s == HttpStatusCode.ServiceUnavailable).Should().Be(5);
        rule.FiredCount.Should().Be(5);
        origin.Requests.Should().HaveCount(19);
    }

    [Fact]
    public async Task A_rule_whose_predicate_throws_gets_a_502_that_says_why()
    {
        await using var origin = TestOrigin.Start(_ => OriginResponse.Text("ok"));
        await using var proxy = FaultProxy.Start(origin.Url);
        proxy.Add(new FaultRule(FaultAction.PassThrough) { Match = _ => throw new InvalidOperationException("broken predicate") });
        using var client = TestHttp.CreateClient();

        using var response = await client.GetAsync(new Uri(proxy.Url, "/bucket/key"));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync()).Should().Contain("InvalidOperationException: broken predicate");
    }

    [Fact]
    public void Rules_and_actions_describe_themselves_and_reject_nonsense()
    {
        new FaultRule(FaultAction.S3Error(503, "SlowDown")) { Times = 2 }.ToString().Should().Be("S3Error(503, SlowDown) x2");
        new FaultRule(FaultAction.ResetAfterRequestBytes(10)) { Times = FaultRule.Unlimited }.ToString().Should().Be("ResetAfterRequestBytes(10)");
        new FaultRule(FaultAction.PassThrough) { Name = "first attempt" }.ToString().Should().Be("first attempt");
        FluentActions.Invoking(() => new FaultRule(FaultAction.PassThrough) { Times = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => FaultAction.TruncateResponseAfter(-1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => FaultAction.Respond(100, "")).Should().Throw<ArgumentOutOfRangeException>();
    }
}
