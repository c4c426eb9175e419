using HomeService.CallCenter;

namespace HomeService.Tests.Unit.CallCenter;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("013800138000", "13800138000")]
    [InlineData("0371-12345678", "037112345678")]
    public void Numbers_are_stored_in_one_form(string raw, string normalized) => Assert.Equal(normalized, PhoneNumber.Normalize(raw));

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("12800138000", false)]
    [InlineData("037112345678", true)]
    [InlineData("12345", false)]
    public void Only_real_numbers_are_dialable(string number, bool dialable) => Assert.Equal(dialable, PhoneNumber.IsDialable(number));
}
