using HomeService.Catalogue;

namespace HomeService.Web.Data;

/// <summary>
/// The service catalogue as a two-level tree of its open categories, from the catalogue grain (it holds the catalogue
/// in memory, so an admin's change shows on the next read, with no cache to wait out).
/// </summary>
public sealed class CatalogueReader(IClusterClient cluster)
{
    public sealed record Category(string Code, string NameZh, string NameEn, IReadOnlyList<Category> Children,
        CategoryTerms? Terms = null, int? TermsVersion = null);

    public async Task<IReadOnlyList<Category>> GetTree()
    {
        var all = (await cluster.GetGrain<IServiceCatalogueGrain>(0).GetAll()).Where(c => c.Active).ToList();
        return all.Where(c => c.ParentCode is null)
            .Select(top => new Category(top.Code, top.NameZh, top.NameEn,
                all.Where(c => c.ParentCode == top.Code).Select(c => new Category(c.Code, c.NameZh, c.NameEn, [], c.Terms, c.TermsVersion)).ToList()))
            .ToList();
    }

    /// <summary>
    /// Code → name in the reader's language for every category, retired ones included: an order, a review or a merchant
    /// keeps showing the name of a category that no longer takes orders.
    /// </summary>
    public async Task<Dictionary<string, string>> Names() =>
        (await cluster.GetGrain<IServiceCatalogueGrain>(0).GetAll()).ToDictionary(c => c.Code, c => Localization.UiText.IsEnglish ? c.NameEn : c.NameZh);
}
