namespace HomeService.WorkOrders.Departments;

/// <summary>A department's code is what orders keep ("department:quality"), so it is a permanent slug; its names are what people read.</summary>
public static class DepartmentRules
{
    public const int MaxNameZh = 20, MaxNameEn = 40;

    public static Dictionary<string, string[]> Validate(Department d, bool isNew, IReadOnlyList<Department> departments)
    {
        var errors = new Dictionary<string, string[]>();
        if (isNew)
        {
            if (Catalogue.CategoryRules.CodeProblem(d.Code) is { } code) errors["code"] = [code];
            else if (departments.Any(x => x.Code == d.Code)) errors["code"] = ["exists"];
        }
        var others = departments.Where(x => x.Code != d.Code).ToList();
        Name(errors, "nameZh", d.NameZh, MaxNameZh, others.Any(x => x.NameZh == d.NameZh));
        Name(errors, "nameEn", d.NameEn, MaxNameEn, others.Any(x => string.Equals(x.NameEn, d.NameEn, StringComparison.OrdinalIgnoreCase)));
        return errors;
    }

    private static void Name(Dictionary<string, string[]> errors, string field, string value, int max, bool taken)
    {
        if (string.IsNullOrEmpty(value)) errors[field] = ["required"];
        else if (value.Length > max) errors[field] = [$"max_length:{max}"];
        else if (value.Any(char.IsControl)) errors[field] = ["character"];
        else if (taken) errors[field] = ["exists"];
    }
}
