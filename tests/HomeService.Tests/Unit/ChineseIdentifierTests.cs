namespace HomeService.Tests.Unit;

/// <summary>Check-character validators against codes published by real companies and the standard's own examples.</summary>
public sealed class ChineseIdentifierTests
{
    [Theory]
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91330100799655058B")] // 阿里巴巴（中国）有限公司
    [InlineData("9144030071526726XG")] // 深圳市腾讯计算机系统有限公司
    [InlineData(" 9144030071526726xg ")] // typed with spaces and lower case
    public void Real_credit_codes_pass(string code) => Assert.Null(SocialCreditCode.Problem(code));

    [Theory]
    [InlineData("914403001922038217", "check")] // last character changed
    [InlineData("914403001922083216", "check")] // two digits swapped
    [InlineData("91440300192203821", "length")]
    [InlineData("9144030019220382160", "length")]
    [InlineData("91440300192203821I", "character")] // I is not in the alphabet (nor O, Z, S, V)
    [InlineData("9144O3001922038216", "character")]
    [InlineData("", "length")]
    [InlineData(null, "length")]
    public void Bad_credit_codes_say_why(string? code, string problem) => Assert.Equal(problem, SocialCreditCode.Problem(code));

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643's example
    [InlineData("440524188001010014")] // GB 11643's example
    [InlineData("11010519491231002x")]
    public void Valid_id_numbers_pass(string number) => Assert.Null(ResidentIdNumber.Problem(number, new DateOnly(2026, 11, 26)));

    [Theory]
    [InlineData("110105194912310021", "check")]
    [InlineData("110105194912310020", "check")]
    [InlineData("110105194913310021", "birth-date")] // month 13 (check character right)
    [InlineData("110105203012310026", "birth-date")] // born in 2030 (check character right)
    [InlineData("11010519491231002", "length")]
    [InlineData("1101051949123100XX", "character")]
    [InlineData("A1010519491231002X", "character")]
    public void Bad_id_numbers_say_why(string number, string problem) =>
        Assert.Equal(problem, ResidentIdNumber.Problem(number, new DateOnly(2026, 11, 26)));

    [Fact]
    public void An_id_number_is_shown_as_region_and_last_four_only() =>
        Assert.Equal("1101**********002X", ResidentIdNumber.Mask("11010519491231002X"));
}
