using VideoConf.Ceiling;

// The reference point of the benchmarks: the same 50-call list page as the server's, served from memory and
// serialized on every request, with nothing else in the way (no auth, store or rate limiter); and bare WebSockets
// for the realtime bars.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CeilingJson.Default));
var app = builder.Build();

var page = CeilingPage.Create(50);
app.MapGet("/api/v1/video-conference.list", () => TypedResults.Ok(page));
app.MapGet("/plain", () => "Hello, World!");
app.MapRealtimeCeiling();
app.Run();
