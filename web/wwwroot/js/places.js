// District names in the page's language. Orders, addresses and service areas store the Chinese name; an English page
// carries the city's English names (the layout's #district-names), and a name the city does not know is shown as written.
const source = document.getElementById("district-names");
const english = source ? JSON.parse(source.textContent) : {};

export const districtName = (nameZh) => (nameZh ? english[nameZh] ?? nameZh : "");
