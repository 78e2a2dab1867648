SessionFunctionsApp.CreateBuilder(args).Build().Run();
