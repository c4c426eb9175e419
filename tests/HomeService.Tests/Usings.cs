global using Xunit;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Configuration;
