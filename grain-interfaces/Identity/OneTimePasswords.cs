using System.Security.Cryptography;

namespace HomeService.Identity;

/// <summary>
/// Passwords an administrator hands over once (a new account, a reset): 12 characters from an alphabet without look-alikes
/// (no 0/O, 1/l/I), at least one letter and one digit, so they pass the web host's password rules and read well aloud.
/// </summary>
public static class OneTimePasswords
{
    private const string Letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    public static string New()
    {
        const string all = Letters + Digits;
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        chars[RandomNumberGenerator.GetInt32(6)] = Letters[RandomNumberGenerator.GetInt32(Letters.Length)];
        chars[6 + RandomNumberGenerator.GetInt32(6)] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        return new string(chars);
    }
}
