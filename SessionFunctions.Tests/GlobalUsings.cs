global using SessionFunctions.Testing;
global using SessionFunctions.Tests.Support;
