using HomeService.Places;

namespace HomeService.Tests.Unit.Places;

/// <summary>The city's districts and streets: unique names (former ones included), renames that keep old names valid.</summary>
public sealed class PlaceRulesTests
{
    private static CityPlacesState Jinshui()
    {
        var state = new CityPlacesState();
        state.Apply(new DistrictAdded("jinshui", "金水区", "Jinshui", 1));
        state.Apply(new StreetAdded("jinshui", "jinshui-1", "经八路街道", "Jingbalu Subdistrict"));
        state.Apply(new DistrictAdded("erqi", "二七区", "Erqi", 2));
        return state;
    }

    [Fact]
    public void A_rename_keeps_the_old_name_as_a_former_one_and_renaming_back_takes_it_off_that_list()
    {
        var state = Jinshui();
        state.Apply(new DistrictEdited("jinshui", "金水新区", "Jinshui New", 1));
        Assert.Equal(["金水区"], state.District("jinshui")!.FormerNames);
        Assert.Equal(["金水新区", "金水区"], state.District("jinshui")!.Names());
        state.Apply(new DistrictEdited("jinshui", "金水区", "Jinshui", 1));
        Assert.Equal(["金水新区"], state.District("jinshui")!.FormerNames);
        // A change of English name or order alone adds no former name.
        state.Apply(new DistrictEdited("jinshui", "金水区", "Jinshui District", 3));
        Assert.Equal(["金水新区"], state.District("jinshui")!.FormerNames);
    }

    [Fact]
    public void No_district_may_take_a_name_another_district_has_or_had()
    {
        var state = Jinshui();
        state.Apply(new DistrictEdited("jinshui", "金水新区", "Jinshui New", 1));
        Assert.Equal(["exists"], PlaceRules.ValidateNew(new NewDistrict("jinshui2", "金水区", "Jinshui Old", null), state.Districts)["nameZh"]);
        Assert.Equal(["exists"], PlaceRules.ValidateNew(new NewDistrict("erqi", "二七新区", "erqi", null), state.Districts)["code"]);
        Assert.Equal(["exists"], PlaceRules.ValidateEdit(state.District("erqi")!, new DistrictEdit("金水新区", "Erqi", 2), state.Districts)["nameZh"]);
        Assert.Equal(["exists"], PlaceRules.ValidateEdit(state.District("erqi")!, new DistrictEdit("二七区", "JINSHUI NEW", 2), state.Districts)["nameEn"]);
        // Going back to one of its own former names is fine.
        Assert.Empty(PlaceRules.ValidateEdit(state.District("jinshui")!, new DistrictEdit("金水区", "Jinshui", 1), state.Districts));
        var bad = PlaceRules.ValidateNew(new NewDistrict("Gaoxin", "", new string('x', 41), 10000), state.Districts);
        Assert.Equal(["catalogue-code"], bad["code"]);
        Assert.Equal(["required"], bad["nameZh"]);
        Assert.Equal(["max_length:40"], bad["nameEn"]);
        Assert.Equal(["range:0-9999"], bad["sortOrder"]);
    }

    [Fact]
    public void Streets_have_names_unique_in_their_district_and_a_retired_district_takes_no_new_street()
    {
        var state = Jinshui();
        var jinshui = state.District("jinshui")!;
        Assert.Empty(PlaceRules.ValidateStreet(jinshui, null, new StreetNames("花园路街道", "")));
        Assert.Equal(["exists"], PlaceRules.ValidateStreet(jinshui, null, new StreetNames("经八路街道", "Another"))["nameZh"]);
        Assert.Empty(PlaceRules.ValidateStreet(jinshui, "jinshui-1", new StreetNames("经八路街道", "Jingba Road")));
        Assert.Equal("jinshui-2", PlaceRules.NextStreetCode(jinshui));

        state.Apply(new StreetRetired("jinshui", "jinshui-1", null));
        state.Apply(new DistrictRetired("jinshui", "区划调整"));
        var retired = state.District("jinshui")!;
        Assert.False(retired.Active);
        Assert.False(retired.Streets[0].Active);
        Assert.Equal(["catalogue-retired"], PlaceRules.ValidateStreet(retired, null, new StreetNames("花园路街道", ""))["district"]);
        // A retired street's name still counts: addresses carry it.
        Assert.Equal("jinshui-2", PlaceRules.NextStreetCode(retired));
    }
}
