namespace S3Client.FaultInjection.Internal;

/// <summary>
/// Follows the framing of a <c>Transfer-Encoding: chunked</c> body as its bytes stream past, without buffering:
/// says how many bytes belong to the body, passes the chunk data (the payload) to a digest, and notices the end.
/// </summary>
internal sealed class ChunkedBodyParser
{
    private State _state = State.Size;
    private long _size;
    private bool _sizeHasDigit;
    private bool _inExtension;
    private long _chunkRemaining;
    private int _trailerLineLength;

    private enum State
    {
        Size,
        SizeLineFeed,
        Data,
        DataCarriageReturn,
        DataLineFeed,
        Trailer,
        TrailerLineFeed,
        Done,
    }

    public bool IsComplete => _state == State.Done;

    /// <summary>Consumes body bytes from <paramref name="input"/> and returns how many belonged to the body.</summary>
    /// <exception cref="InvalidDataException">The framing is malformed.</exception>
    public int Consume(ReadOnlySpan<byte> input, BodyDigest? payload)
    {
        var position = 0;
        while (position < input.Length && _state != State.Done)
        {
            if (_state == State.Data)
            {
                var take = (int)Math.Min(_chunkRemaining, input.Length - position);
                payload?.Append(input.Slice(position, take));
                position += take;
                _chunkRemaining -= take;
                if (_chunkRemaining == 0)
                {
                    _state = State.DataCarriageReturn;
                }

                continue;
            }

            Step(input[position]);
            position++;
        }

        return position;
    }

    private void Step(byte value)
    {
        switch (_state)
        {
            case State.Size:
                StepSize(value);
                break;
            case State.SizeLineFeed:
                Expect(value, (byte)'\n');
                if (!_sizeHasDigit)
                {
                    throw new InvalidDataException("A chunk size line has no size.");
                }

                _state = _size == 0 ? State.Trailer : State.Data;
                _chunkRemaining = _size;
                _size = 0;
                _sizeHasDigit = false;
                _inExtension = false;
                break;
            case State.DataCarriageReturn:
                Expect(value, (byte)'\r');
                _state = State.DataLineFeed;
                break;
            case State.DataLineFeed:
                Expect(value, (byte)'\n');
                _state = State.Size;
                break;
            case State.Trailer:
                if (value == '\r')
                {
                    _state = State.TrailerLineFeed;
                }
                else
                {
                    _trailerLineLength++;
                }

                break;
            case State.TrailerLineFeed:
                Expect(value, (byte)'\n');
                _state = _trailerLineLength == 0 ? State.Done : State.Trailer;
                _trailerLineLength = 0;
                break;
            default:
                throw new InvalidOperationException($"Unexpected state {_state}.");
        }
    }

    private void StepSize(byte value)
    {
        if (value == '\r')
        {
            _state = State.SizeLineFeed;
        }
        else if (_inExtension)
        {
            // chunk extensions (";name=value") carry nothing the proxy needs
        }
        else if (value == ';')
        {
            _inExtension = true;
        }
        else if (value is (byte)' ' or (byte)'\t')
        {
            // whitespace before an extension
        }
        else if (HexValue(value) is var digit and >= 0)
        {
            if (_size > (long.MaxValue >> 4))
            {
                throw new InvalidDataException("A chunk size is too large.");
            }

            _size = (_size << 4) | (long)digit;
            _sizeHasDigit = true;
        }
        else
        {
            throw new InvalidDataException($"Unexpected byte 0x{value:x2} in a chunk size line.");
        }
    }

    private static int HexValue(byte value) => value switch
    {
        >= (byte)'0' and <= (byte)'9' => value - '0',
        >= (byte)'a' and <= (byte)'f' => value - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => value - 'A' + 10,
        _ => -1,
    };

    private static void Expect(byte value, byte expected)
    {
        if (value != expected)
        {
            throw new InvalidDataException($"Expected 0x{expected:x2} in the chunked framing, found 0x{value:x2}.");
        }
    }
}
