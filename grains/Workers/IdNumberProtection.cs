using System.Security.Cryptography;
using System.Text;

namespace HomeService.Workers;

/// <summary>
/// Turns an ID number into what may be stored: its mask, and an HMAC keyed with a server secret
/// (<c>HomeService:PersonalData:HashKey</c>), so the same person registered twice is found without the number being
/// kept, and a leaked table does not give it away (an unkeyed hash of 18 digits with a known structure would).
/// </summary>
public sealed class IdNumberProtection(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public (string Masked, string Hash) Protect(string idNumber)
    {
        var n = ResidentIdNumber.Normalize(idNumber);
        return (ResidentIdNumber.Mask(n), Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(n))));
    }
}
