namespace S3Client.Testing.Tests.TestSupport;

/// <summary>Compares what the fake threw with what the real client threw.</summary>
public static class ExceptionAssertions
{
    /// <summary>Not null (the fake threw), same type, status, code, service message, operation, bucket, key and message text.</summary>
    public static void ShouldMatchS3Error(this Exception? fake, Exception real)
    {
        fake.Should().BeOfType(real.GetType());
        var f = (S3Exception)fake!;
        var r = (S3Exception)real;
        f.StatusCode.Should().Be(r.StatusCode);
        f.ErrorCode.Should().Be(r.ErrorCode);
        f.ServerMessage.Should().Be(r.ServerMessage);
        f.Operation.Should().Be(r.Operation);
        f.BucketName.Should().Be(r.BucketName);
        f.Key.Should().Be(r.Key);
        f.Message.Should().Be(r.Message);
    }

    /// <summary>Not null (the fake threw), same type, parameter name and message.</summary>
    public static void ShouldMatchArgumentError(this Exception? fake, Exception real)
    {
        fake.Should().BeOfType(real.GetType());
        fake!.Message.Should().Be(real.Message);
        if (real is ArgumentException argument)
        {
            ((ArgumentException)fake).ParamName.Should().Be(argument.ParamName);
        }
    }
}
