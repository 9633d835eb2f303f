using VideoConf.Bench;

return args.FirstOrDefault() switch
{
    "ratelimit-memory" => await RateLimiterMemory.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: VideoConf.Bench ratelimit-memory [keys]");
    return 2;
}
