using System.Globalization;

namespace HomeService.Tests.Unit;

/// <summary>Reads something under a UI culture (UiText follows the current one) and puts the thread's culture back for the next test.</summary>
public static class UiCulture
{
    public static T Under<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
