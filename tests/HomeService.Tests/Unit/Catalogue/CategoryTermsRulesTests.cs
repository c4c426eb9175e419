using HomeService.Catalogue;

namespace HomeService.Tests.Unit.Catalogue;

public sealed class CategoryTermsRulesTests
{
    private static readonly CategoryTerms DeepClean = new(
        [new("rooms", "房间数", "Rooms", "number", true), new("moveIn", "入住日期", "Move-in date", "date", false), new("pets", "宠物", "Pets", "text", false)],
        null, 8, "按面积计价", "By area", ["deep-clean"]);

    [Fact]
    public void A_required_field_must_be_filled_and_an_optional_one_may_be_left_out()
    {
        Assert.Equal(["required"], CategoryTermsRules.CheckRequirements(DeepClean, new Dictionary<string, string>())["requirements.rooms"]);
        Assert.Equal(["required"], CategoryTermsRules.CheckRequirements(DeepClean, new Dictionary<string, string> { ["rooms"] = "  " })["requirements.rooms"]);
        Assert.Empty(CategoryTermsRules.CheckRequirements(DeepClean, new Dictionary<string, string> { ["rooms"] = "3" }));
    }

    [Theory]
    [InlineData("rooms", "three", "format:number")]
    [InlineData("rooms", "-2", "format:number")]
    [InlineData("moveIn", "2026/12/01", "format:date")]
    [InlineData("moveIn", "2026-02-30", "format:date")]
    public void Numbers_and_dates_must_be_well_formed(string field, string value, string code)
    {
        var requirements = new Dictionary<string, string> { ["rooms"] = "3", [field] = value };
        Assert.Equal([code], CategoryTermsRules.CheckRequirements(DeepClean, requirements)[$"requirements.{field}"]);
    }

    [Fact]
    public void Free_text_and_decimal_numbers_pass()
    {
        Assert.Empty(CategoryTermsRules.CheckRequirements(DeepClean,
            new Dictionary<string, string> { ["rooms"] = "2.5", ["moveIn"] = "2026-12-01", ["pets"] = "一只猫" }));
    }

    [Fact]
    public void An_overlong_value_is_refused()
    {
        var errors = CategoryTermsRules.CheckRequirements(DeepClean, new Dictionary<string, string> { ["rooms"] = "3", ["pets"] = new string('猫', 201) });
        Assert.Equal(["max_length:200"], errors["requirements.pets"]);
    }

    [Fact]
    public void Good_terms_pass_and_bad_ones_name_each_field()
    {
        Assert.Empty(CategoryTermsRules.Validate(DeepClean));
        var errors = CategoryTermsRules.Validate(new CategoryTerms(
            [new("rooms", "房间数", "Rooms", "number", true), new("bad key!", "", "Name", "colour", false)], 0, 10_000, null, new string('x', 501), [""]));
        Assert.Equal(["format:key"], errors["fields[1].key"]);
        Assert.Equal(["required"], errors["fields[1].nameZh"]);
        Assert.Equal(["unknown"], errors["fields[1].type"]);
        Assert.Equal(["range:1-10080"], errors["dispatchSlaMinutes"]);
        Assert.Equal(["range:1-720"], errors["completionGraceHours"]);
        Assert.Equal(["max_length:500"], errors["priceGuideEn"]);
        Assert.Equal(["format:skills"], errors["skills"]);
        Assert.False(errors.ContainsKey("fields[0].key"));
    }

    [Fact]
    public void Two_fields_with_one_key_are_refused()
    {
        var terms = DeepClean with { Fields = [new("rooms", "房间数", "Rooms", "number", true), new("rooms", "房间", "Rooms", "text", false)] };
        Assert.Equal(["duplicate"], CategoryTermsRules.Validate(terms)["fields"]);
    }
}
