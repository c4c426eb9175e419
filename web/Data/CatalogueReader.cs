using HomeService.Catalogue;

namespace HomeService.Web.Data;

/// <summary>
/// The service catalogue as a two-level tree, from the catalogue grain (it holds the catalogue in memory, so an
/// admin's change shows on the next read, with no cache to wait out).
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
}
