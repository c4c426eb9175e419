using HomeService.Catalogue;

namespace HomeService.Tests.Unit.Catalogue;

/// <summary>The catalogue's two-level tree: permanent codes, open groups, names unique among siblings, retire and reinstate.</summary>
public sealed class CategoryRulesTests
{
    private static readonly CategoryTerms None = new([], null, null, null, null, []);

    private static ServiceCategory Category(string code, string? parent, string zh, string en, bool active = true) =>
        new(code, parent, zh, en, 1, active, None, 1);

    private static readonly Dictionary<string, ServiceCategory> Catalogue = new[]
    {
        Category("cleaning", null, "保洁清洗", "Cleaning"),
        Category("home-clean", "cleaning", "家庭保洁", "Home cleaning"),
        Category("window-clean", "cleaning", "玻璃清洗", "Window cleaning", active: false),
        Category("ceremony", null, "礼仪", "Ceremonies", active: false),
        Category("wedding", "ceremony", "婚庆", "Weddings", active: false),
    }.ToDictionary(c => c.Code);

    [Theory]
    [InlineData("pet-care", null)]
    [InlineData("a1", null)]
    [InlineData("", "required")]
    [InlineData("Pet-care", "catalogue-code")]
    [InlineData("1pets", "catalogue-code")]
    [InlineData("pet care", "catalogue-code")]
    [InlineData("宠物", "catalogue-code")]
    [InlineData("p", "catalogue-code")]
    public void A_code_is_short_lowercase_and_starts_with_a_letter(string code, string? problem) =>
        Assert.Equal(problem, CategoryRules.CodeProblem(code));

    [Fact]
    public void A_new_category_goes_under_an_open_group_with_names_its_siblings_do_not_have()
    {
        Assert.Empty(CategoryRules.ValidateNew(new NewCategory("pet-care", "cleaning", "宠物照看", "Pet care", null, None), Catalogue));
        Assert.Empty(CategoryRules.ValidateNew(new NewCategory("pets", null, "宠物", "Pets", 5, null), Catalogue));

        var errors = CategoryRules.ValidateNew(new NewCategory("home-clean", "home-clean", "", new string('x', 41), -1, None), Catalogue);
        Assert.Equal(["exists"], errors["code"]);
        Assert.Equal(["catalogue-not-a-group"], errors["parentCode"]);
        Assert.Equal(["required"], errors["nameZh"]);
        Assert.Equal(["max_length:40"], errors["nameEn"]);
        Assert.Equal(["range:0-9999"], errors["sortOrder"]);

        Assert.Equal(["catalogue-retired"], CategoryRules.ValidateNew(new NewCategory("host", "ceremony", "主持", "Host", null, None), Catalogue)["parentCode"]);
        Assert.Equal(["unknown"], CategoryRules.ValidateNew(new NewCategory("x1", "nowhere", "某某", "Something", null, None), Catalogue)["parentCode"]);
        // A name its sibling has (in either language, English in any case) is refused; the same name in another group is fine.
        var twin = CategoryRules.ValidateNew(new NewCategory("home-clean-2", "cleaning", "家庭保洁", "HOME CLEANING", null, None), Catalogue);
        Assert.Equal(["exists"], twin["nameZh"]);
        Assert.Equal(["exists"], twin["nameEn"]);
        Assert.Empty(CategoryRules.ValidateNew(new NewCategory("home-clean-2", null, "家庭保洁", "Home cleaning", null, None), Catalogue));
    }

    [Fact]
    public void A_group_stays_a_group_and_a_category_stays_under_a_group()
    {
        var homeClean = Catalogue["home-clean"];
        Assert.Empty(CategoryRules.ValidateEdit(homeClean, new CategoryEdit("家庭保洁", "Home cleaning", "cleaning", 3, None), Catalogue));
        Assert.Equal(["catalogue-level"], CategoryRules.ValidateEdit(homeClean, new CategoryEdit("家庭保洁", "Home cleaning", null, 3, None), Catalogue)["parentCode"]);
        Assert.Equal(["catalogue-level"],
            CategoryRules.ValidateEdit(Catalogue["cleaning"], new CategoryEdit("保洁清洗", "Cleaning", "ceremony", 1, None), Catalogue)["parentCode"]);
        Assert.Equal(["catalogue-retired"],
            CategoryRules.ValidateEdit(homeClean, new CategoryEdit("家庭保洁", "Home cleaning", "ceremony", 3, None), Catalogue)["parentCode"]);
        // Its own name is no clash with itself.
        Assert.Empty(CategoryRules.ValidateEdit(homeClean, new CategoryEdit("家庭保洁", "Home Cleaning", "cleaning", 3, None), Catalogue));
    }

    [Fact]
    public void A_group_retires_only_once_its_categories_have_and_a_category_comes_back_only_under_an_open_group()
    {
        Assert.Equal(["catalogue-active-children"], CategoryRules.ValidateActive(Catalogue["cleaning"], false, null, Catalogue)["code"]);
        Assert.Empty(CategoryRules.ValidateActive(Catalogue["home-clean"], false, "停办", Catalogue));
        Assert.Empty(CategoryRules.ValidateActive(Catalogue["window-clean"], true, null, Catalogue));
        Assert.Equal(["catalogue-retired"], CategoryRules.ValidateActive(Catalogue["wedding"], true, null, Catalogue)["parentCode"]);
        Assert.Equal(["max_length:200"], CategoryRules.ValidateActive(Catalogue["home-clean"], false, new string('因', 201), Catalogue)["reason"]);
    }

    [Fact]
    public void A_choice_attribute_offers_two_to_twenty_distinct_answers_and_an_order_must_pick_one()
    {
        CategoryTerms Terms(params string[] choices) => new([new("pets", "宠物种类", "Kind of pet", "choice", true, choices)], null, null, null, null, ["pet-care"]);
        Assert.Empty(CategoryTermsRules.Validate(Terms("猫", "狗")));
        Assert.Equal(["catalogue-choices"], CategoryTermsRules.Validate(Terms("猫"))["fields[0].choices"]);
        Assert.Equal(["catalogue-choices"], CategoryTermsRules.Validate(Terms("猫", "猫"))["fields[0].choices"]);
        Assert.Equal(["catalogue-choices"], CategoryTermsRules.Validate(Terms("猫", new string('狗', 41)))["fields[0].choices"]);
        Assert.Equal(["catalogue-choices"], CategoryTermsRules.Validate(Terms(Enumerable.Range(1, 21).Select(i => $"{i}").ToArray()))["fields[0].choices"]);

        var terms = Terms("猫", "狗");
        Assert.Empty(CategoryTermsRules.CheckRequirements(terms, new Dictionary<string, string> { ["pets"] = " 狗 " }));
        Assert.Equal(["catalogue-not-a-choice"], CategoryTermsRules.CheckRequirements(terms, new Dictionary<string, string> { ["pets"] = "兔子" })["requirements.pets"]);
        Assert.Equal(["required"], CategoryTermsRules.CheckRequirements(terms, new Dictionary<string, string>())["requirements.pets"]);
    }

    [Fact]
    public void Terms_are_kept_trimmed_and_choices_only_on_a_choice_attribute()
    {
        var normalized = CategoryTermsRules.Normalize(new CategoryTerms(
            [new(" pets ", " 宠物 ", " Pets ", "choice", true, [" 猫 ", "", "狗"]), new("rooms", "房间数", "Rooms", "number", false, ["1", "2"])],
            null, null, "  ", " 60 元 ", [" pet-care ", "pet-care"]));
        Assert.Equal(("pets", "宠物", "Pets"), (normalized.Fields[0].Key, normalized.Fields[0].NameZh, normalized.Fields[0].NameEn));
        Assert.Equal(["猫", "狗"], normalized.Fields[0].Choices!);
        Assert.Null(normalized.Fields[1].Choices);
        Assert.Null(normalized.PriceGuideZh);
        Assert.Equal("60 元", normalized.PriceGuideEn);
        Assert.Equal(["pet-care"], normalized.Skills);
    }
}
