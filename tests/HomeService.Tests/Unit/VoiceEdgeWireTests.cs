using HomeService.VoiceEdge.Media;
using HomeService.VoiceEdge.Sip;

namespace HomeService.Tests.Unit;

/// <summary>The voice edge's wire formats: rtpengine's bencoded ng messages, SIP messages as Kamailio sends them, and the RTP the recorder reads.</summary>
public sealed class VoiceEdgeWireTests
{
    [Fact]
    public void The_recorder_reads_pcmu_payloads_past_csrcs_extensions_and_padding_and_decodes_mu_law()
    {
        // G.711's table ends: 0xFF and 0x7F are the two zeros, 0x00 and 0x80 the loudest negative and positive samples.
        Assert.Equal((0, 0, -32124, 32124), ((int)G711.Ulaw(0xFF), (int)G711.Ulaw(0x7F), (int)G711.Ulaw(0x00), (int)G711.Ulaw(0x80)));
        // The quietest steps either side of zero, and the sign bit mirrors a sample.
        Assert.Equal((-8, 8), ((int)G711.Ulaw(0x7E), (int)G711.Ulaw(0xFE)));

        byte[] plain = [0x80, 0x00, 0, 1, 0, 0, 0, 160, 1, 2, 3, 4, 0xAA, 0xBB];
        Assert.Equal([0xAA, 0xBB], Rtp.PcmuPayload(plain).ToArray());
        // One CSRC, a one-word header extension, and two bytes of padding around a three-byte payload.
        byte[] dressed = [0xB1, 0x00, 0, 1, 0, 0, 0, 160, 1, 2, 3, 4, 9, 9, 9, 9, 0xBE, 0xDE, 0, 1, 7, 7, 7, 7, 0x11, 0x22, 0x33, 0, 2];
        Assert.Equal([0x11, 0x22, 0x33], Rtp.PcmuPayload(dressed).ToArray());
        // Not PCMU (payload type 111, Opus), not RTP version 2, or cut short: nothing.
        Assert.True(Rtp.PcmuPayload([0x80, 111, 0, 1, 0, 0, 0, 160, 1, 2, 3, 4, 0xAA]).IsEmpty);
        Assert.True(Rtp.PcmuPayload([0x40, 0x00, 0, 1, 0, 0, 0, 160, 1, 2, 3, 4, 0xAA]).IsEmpty);
        Assert.True(Rtp.PcmuPayload([0x80, 0x00, 0, 1]).IsEmpty);
    }

    [Fact]
    public void An_ng_request_is_bencoded_with_sorted_keys_and_a_reply_decodes()
    {
        var encoded = System.Text.Encoding.UTF8.GetString(Bencode.Encode(new Dictionary<string, object>
        {
            ["sdp"] = "v=0", ["command"] = "offer", ["replace"] = new[] { "origin" }, ["repeat-times"] = 3,
        }));
        Assert.Equal("d7:command5:offer12:repeat-timesi3e7:replacel6:origine3:sdp3:v=0e", encoded);

        var reply = (Dictionary<string, object>)Bencode.Decode("d6:resulti0e3:sdp4:v=0\n5:callsl1:a1:bee"u8);
        Assert.Equal(0L, reply["result"]);
        Assert.Equal("v=0\n", reply["sdp"]);
        Assert.Equal(["a", "b"], (List<object>)reply["calls"]);
        Assert.Throws<FormatException>(() => Bencode.Decode("d6:result"u8));
    }

    [Fact]
    public void A_sip_request_with_compact_folded_and_comma_joined_headers_reads_as_its_parts()
    {
        var invite = SipMessage.Parse(string.Join("\r\n",
            "INVITE sip:037112345@127.0.0.1:15070;transport=tcp SIP/2.0",
            "v: SIP/2.0/TCP 127.0.0.1:15060;branch=z9hG4bK1, SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK2",
            "f: \"Caller, Ltd\" <sip:13812345678@127.0.0.1>;tag=abc",
            "t: <sip:037112345@127.0.0.1>",
            "i: call-1@host",
            "CSeq: 1 INVITE",
            "Record-Route: <sip:127.0.0.1:15060;transport=tcp;lr;r2=on>,",
            " <sip:127.0.0.1:15060;lr;r2=on>",
            "m: <sip:13812345678@127.0.0.1:5070>"), "v=0\r\n");
        Assert.Equal("INVITE", invite.Method);
        Assert.Equal(2, invite.All("Via").Count());
        Assert.Equal("abc", SipMessage.Tag(invite["From"]));
        Assert.Null(SipMessage.Tag(invite["To"]));
        Assert.Equal("13812345678", SipMessage.User(SipMessage.Uri(invite["From"]!)));
        Assert.Equal("037112345", SipMessage.User(invite.RequestUri!));
        Assert.Equal(["<sip:127.0.0.1:15060;transport=tcp;lr;r2=on>", "<sip:127.0.0.1:15060;lr;r2=on>"], invite.All("Record-Route"));
        Assert.Equal((1, "INVITE"), invite.CSeq);

        var written = invite.ToString();
        Assert.Contains("Content-Length: 5\r\n\r\nv=0\r\n", written);
        Assert.Equal("call-1@host", SipMessage.Parse(written[..written.IndexOf("\r\n\r\n", StringComparison.Ordinal)], "").CallId);
    }
}
