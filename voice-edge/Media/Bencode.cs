using System.Text;

namespace HomeService.VoiceEdge.Media;

/// <summary>
/// Bencoding, the wire format of rtpengine's ng control protocol: integers, byte strings, lists and dictionaries
/// (keys sorted). Strings come back as byte arrays' text (UTF-8); rtpengine's replies hold nothing else that matters.
/// </summary>
public static class Bencode
{
    public static byte[] Encode(object value)
    {
        var output = new MemoryStream();
        Write(output, value);
        return output.ToArray();
    }

    private static void Write(MemoryStream output, object value)
    {
        switch (value)
        {
            case int or long:
                Ascii(output, $"i{value}e");
                break;
            case string text:
                var bytes = Encoding.UTF8.GetBytes(text);
                Ascii(output, $"{bytes.Length}:");
                output.Write(bytes);
                break;
            case IDictionary<string, object> dictionary:
                output.WriteByte((byte)'d');
                foreach (var (key, item) in dictionary.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Write(output, key);
                    Write(output, item);
                }
                output.WriteByte((byte)'e');
                break;
            case System.Collections.IEnumerable list:
                output.WriteByte((byte)'l');
                foreach (var item in list) Write(output, item!);
                output.WriteByte((byte)'e');
                break;
            default:
                throw new ArgumentException($"Cannot bencode a {value.GetType().Name}.");
        }
    }

    private static void Ascii(MemoryStream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));

    /// <summary>Decodes one value: long, string, List&lt;object&gt; or Dictionary&lt;string, object&gt;.</summary>
    public static object Decode(ReadOnlySpan<byte> data)
    {
        var at = 0;
        var value = Read(data, ref at);
        return at == data.Length ? value : throw new FormatException("Bencoded data has trailing bytes.");
    }

    private static object Read(ReadOnlySpan<byte> data, ref int at)
    {
        if (at >= data.Length) throw new FormatException("Bencoded data ends early.");
        switch (data[at])
        {
            case (byte)'i':
            {
                var end = data[at..].IndexOf((byte)'e') + at;
                var number = long.Parse(Encoding.ASCII.GetString(data[(at + 1)..end]));
                at = end + 1;
                return number;
            }
            case (byte)'l':
            {
                at++;
                var list = new List<object>();
                while (At(data, at) != 'e') list.Add(Read(data, ref at));
                at++;
                return list;
            }
            case (byte)'d':
            {
                at++;
                var dictionary = new Dictionary<string, object>(StringComparer.Ordinal);
                while (At(data, at) != 'e')
                {
                    var key = (string)Read(data, ref at);
                    dictionary[key] = Read(data, ref at);
                }
                at++;
                return dictionary;
            }
            default:
            {
                var colon = data[at..].IndexOf((byte)':') + at;
                if (colon < at) throw new FormatException("Bencoded string without a length.");
                var length = int.Parse(Encoding.ASCII.GetString(data[at..colon]));
                var text = Encoding.UTF8.GetString(data.Slice(colon + 1, length));
                at = colon + 1 + length;
                return text;
            }
        }
    }

    private static char At(ReadOnlySpan<byte> data, int at) =>
        at < data.Length ? (char)data[at] : throw new FormatException("Bencoded data ends early.");
}
