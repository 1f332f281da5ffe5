using System.Security.Cryptography;
using System.Text;
using S3Client.Signing.Internal;

namespace S3Client.Core.Tests.Signing;

/// <summary>
/// The signing-key cache reuses keyed HMAC instances across requests and threads: every MAC must still be the one a
/// fresh HMAC under the derived key gives, after a new day, after new credentials, and under concurrent use.
/// </summary>
public class SigningKeyCacheTests
{
    private static readonly S3Credentials First = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly S3Credentials Second = new("AKIDEXAMPLE", "another-secret");

    [Fact]
    public void Each_mac_equals_a_fresh_hmac_under_the_key_of_its_day_and_credentials()
    {
        var cache = new SigningKeyCache("us-east-1", "s3");
        var cases = new[] { (First, "20150830"), (First, "20150830"), (First, "20150831"), (Second, "20150831"), (First, "20150830") };

        foreach (var (credentials, date) in cases)
        {
            var data = Encoding.UTF8.GetBytes($"string to sign for {date}");
            var mac = new byte[32];
            cache.Sign(credentials, date, data, mac);

            mac.Should().Equal(HMACSHA256.HashData(SigningKeyCache.Derive(credentials.SecretAccessKey, date, "us-east-1", "s3"), data),
                $"the MAC for {date} must use that day's key");
        }
    }

    [Fact]
    public void The_published_signing_key_signs_the_published_string_to_sign()
    {
        // AWS's SigV4 example (IAM ListUsers, us-east-1, iam): the derived key and the final signature.
        var cache = new SigningKeyCache("us-east-1", "iam");
        var stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n" +
            "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59";
        var mac = new byte[32];

        cache.Sign(First, "20150830", Encoding.UTF8.GetBytes(stringToSign), mac);

        Convert.ToHexStringLower(mac).Should().Be("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    [Fact]
    public async Task Concurrent_signers_never_see_each_others_data()
    {
        var cache = new SigningKeyCache("us-east-1", "s3");
        var key = SigningKeyCache.Derive(First.SecretAccessKey, "20260314", "us-east-1", "s3");

        var mismatches = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var wrong = 0;
            var mac = new byte[32];
            for (var i = 0; i < 2000; i++)
            {
                var data = Encoding.UTF8.GetBytes($"worker {worker} request {i}");
                cache.Sign(First, "20260314", data, mac);
                wrong += mac.AsSpan().SequenceEqual(HMACSHA256.HashData(key, data)) ? 0 : 1;
            }

            return wrong;
        })));

        mismatches.Should().AllBeEquivalentTo(0);
    }
}
