global using Microsoft.Azure.Functions.Worker;
global using Microsoft.Azure.Functions.Worker.Builder;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using SessionFunctions;
global using SessionFunctions.RevocationCleanup;
global using SessionFunctions.RevocationStorage;
global using SessionFunctions.SignOut;
