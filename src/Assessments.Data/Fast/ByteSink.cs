using System.Text;

namespace Assessments.Data.Fast;

/// <summary>
/// Where the fast path's UTF-8 bytes go: straight to the stream under a UTF-8 <see cref="StreamWriter"/> or standard output,
/// otherwise decoded into the <see cref="TextWriter"/> (tests write into a <see cref="StringWriter"/>).
/// </summary>
internal sealed class ByteSink : IDisposable
{
    private readonly Stream? _stream;
    private readonly bool _ownsStream;
    private readonly TextWriter _writer;
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = [];

    private ByteSink(TextWriter writer, Stream? stream, bool ownsStream)
    {
        _writer = writer;
        _stream = stream;
        _ownsStream = ownsStream;
    }

    public static ByteSink For(TextWriter writer)
    {
        writer.Flush();
        if (writer is StreamWriter { Encoding: UTF8Encoding } file)
        {
            return new ByteSink(writer, file.BaseStream, ownsStream: false);
        }

        if (ReferenceEquals(writer, Console.Out) && Console.OutputEncoding.CodePage == 65001)
        {
            return new ByteSink(writer, Console.OpenStandardOutput(), ownsStream: true);
        }

        return new ByteSink(writer, null, ownsStream: false);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_stream is not null)
        {
            _stream.Write(bytes);
            return;
        }

        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (_chars.Length < needed)
        {
            _chars = new char[needed];
        }

        var written = _decoder.GetChars(bytes, _chars, flush: false);
        _writer.Write(_chars, 0, written);
    }

    public void Flush()
    {
        _stream?.Flush();
        _writer.Flush();
    }

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream!.Dispose();
        }
    }
}
