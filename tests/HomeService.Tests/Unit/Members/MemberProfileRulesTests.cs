using HomeService.EventLog;
using HomeService.Members;

namespace HomeService.Tests.Unit.Members;

public sealed class MemberProfileRulesTests
{
    [Fact]
    public void A_member_the_seed_brought_over_reads_back_with_its_plain_addresses()
    {
        var seeded = new StoredEvent(1, 1, "MemberRegistered",
            """{"id":"R0002","name":"李先生","phone":"13700137000","vip":true,"addresses":["郑东新区商务内环路 2 号 1801","二七区大学路 66 号"]}""", "system:seed",
            DateTimeOffset.UtcNow);
        var member = new Member();
        member.Apply(MemberGrain.Codec.Decode(seeded));
        var view = member.View();
        Assert.Equal(("R0002", "李先生", true), (view.MemberId, view.Name, view.Vip));
        Assert.Equal(["郑东新区商务内环路 2 号 1801", "二七区大学路 66 号"], view.Addresses.Select(a => a.Address));
        Assert.Equal(["郑东新区商务内环路 2 号 1801", "二七区大学路 66 号"], member.AddressLines());
    }

    [Fact]
    public void Each_address_needs_a_district_and_a_street_address_and_empty_rows_are_dropped()
    {
        var edit = Member.Normalize(new ProfileEdit("  郑雪 ",
            [new MemberAddress("家", " 经三路 15 号 ", "金水区"), new MemberAddress(" ", "", ""), new MemberAddress("公司", "", "郑东新区")],
            new ContactPreferences(false, true)));
        Assert.Equal("郑雪", edit.Name);
        Assert.Equal(2, edit.Addresses.Count);
        Assert.Equal(["addresses[1].address"], Member.Validate(edit).Keys);
        Assert.Equal(["name"], Member.Validate(edit with { Name = "", Addresses = [] }).Keys);
    }

    /// <summary>A member brought over from before districts were kept saves the profile it reads, unchanged, without an error.</summary>
    [Fact]
    public void An_address_kept_without_a_district_may_stay_so_but_a_new_one_needs_its_district()
    {
        var kept = new List<MemberAddress> { new("", "郑东新区商务内环路 2 号 1801", "") };
        var asRead = Member.Normalize(new ProfileEdit("李先生", kept, new ContactPreferences(true, true)));
        Assert.Empty(Member.Validate(asRead, kept));
        var added = asRead with { Addresses = [.. asRead.Addresses, new MemberAddress("公司", "农业路 20 号", "")] };
        Assert.Equal(["addresses[1].district"], Member.Validate(added, kept).Keys);
        Assert.Equal(["addresses[0].district"], Member.Validate(asRead).Keys);
    }
}
