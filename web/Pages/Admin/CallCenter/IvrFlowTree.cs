using HomeService.CallCenter;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>
/// How a flow is drawn as a tree: the root at the top; every other menu nested under the first option (or fallback) that
/// leads to it, met depth first; menus no way from the root reaches listed after it, each a tree of its own. Menus are
/// named by their position in a list (a form may hold a blank or repeated id); links name menus by id.
/// </summary>
public sealed class IvrFlowTree
{
    private readonly Dictionary<(int Menu, int Link), int> _nested = new();

    /// <summary>The root's position, or -1 when there is none.</summary>
    public int Root { get; private init; } = -1;

    /// <summary>Menus no way from the root reaches, in list order; each heads a tree of its own.</summary>
    public List<int> Unreachable { get; } = [];

    /// <summary>The menu drawn under link <paramref name="link"/> of <paramref name="menu"/> (its options in order, then its fallback).</summary>
    public int? Under(int menu, int link) => _nested.TryGetValue((menu, link), out var child) ? child : null;

    /// <summary>A menu's links: each option's target menu (null when it leads elsewhere), then the fallback's.</summary>
    public static IReadOnlyList<string?> Links(IvrMenu menu) =>
        (menu.Options ?? []).Select(o => Target(o?.Action)).Append(Target(menu.Fallback)).ToList();

    private static string? Target(IvrAction? a) => a is { Kind: IvrActionKinds.Menu, Target: { Length: > 0 } t } ? t : null;

    public static IvrFlowTree Plan(IReadOnlyList<string?> ids, IReadOnlyList<IReadOnlyList<string?>> links, int root)
    {
        var tree = new IvrFlowTree { Root = root };
        var placed = new HashSet<int>();
        void Visit(int menu)
        {
            for (var k = 0; k < links[menu].Count; k++)
            {
                if (links[menu][k] is not { } target) continue;
                var child = ids.ToList().IndexOf(target);
                if (child < 0 || !placed.Add(child)) continue;
                tree._nested[(menu, k)] = child;
                Visit(child);
            }
        }
        if (root >= 0 && placed.Add(root)) Visit(root);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!placed.Add(i)) continue;
            tree.Unreachable.Add(i);
            Visit(i);
        }
        return tree;
    }

    /// <summary>Every menu once, in the order the tree draws them.</summary>
    public List<int> Order()
    {
        var order = new List<int>();
        void Walk(int menu)
        {
            order.Add(menu);
            foreach (var child in _nested.Where(n => n.Key.Menu == menu).OrderBy(n => n.Key.Link).Select(n => n.Value)) Walk(child);
        }
        if (Root >= 0) Walk(Root);
        foreach (var top in Unreachable) Walk(top);
        return order;
    }
}
