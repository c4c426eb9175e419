namespace HomeService.Web.Data;

/// <summary>The city's districts as forms and filters offer them (Zhengzhou: the urban districts and the development zones).</summary>
public static class CityDistricts
{
    public static readonly IReadOnlyList<string> All = ["金水区", "郑东新区", "惠济区", "二七区", "中原区", "管城回族区", "高新区", "经开区", "上街区", "航空港区"];
}
