using MealGateway.LoadBench;

// Wiring only: dotnet run -c Release --project gateway/MealGateway.LoadBench -- [--terminals 200] [--backlog 5000] [--data dir]
int terminals = Arg("--terminals", 200);
int backlog = Arg("--backlog", 5000);
string directory = args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault()
    ?? Directory.CreateTempSubdirectory("loadbench-").FullName;

Console.WriteLine($"Bulk insert baselines: {terminals * (long)backlog} records into a fresh LiteDB database...");
double plain = BulkInsertBaseline.PlainRecordsPerSecond(Path.Combine(directory, "bulk-plain"), terminals, backlog);
Console.WriteLine($"  plain file: {plain:F0} records/s");
double bulk = BulkInsertBaseline.GatewayFilesRecordsPerSecond(Path.Combine(directory, "bulk-files"), terminals, backlog);
Console.WriteLine($"  on the gateway's file streams: {bulk:F0} records/s");

var load = await LoadRun.RunAsync(directory, terminals, backlog, Console.Out);
double ratio = load.RecordsPerSecond / bulk;
Console.WriteLine();
Console.WriteLine($"| terminals x backlog | {terminals} x {backlog} |");
Console.WriteLine("|---|---|");
Console.WriteLine($"| upload, all acknowledged (durable) | {load.Elapsed.TotalSeconds:F1} s, {load.RecordsPerSecond:F0} records/s |");
Console.WriteLine($"| LiteDB InsertBulk + checkpoint, plain file | {plain:F0} records/s (ratio {load.RecordsPerSecond / plain:P0}) |");
Console.WriteLine($"| LiteDB InsertBulk + checkpoint, gateway's file streams | {bulk:F0} records/s |");
Console.WriteLine($"| ratio to the stricter limit (target >= 50 %) | {ratio:P0} |");
Console.WriteLine($"| gateway peak resident (VmHWM, target < 200 MB) | {load.PeakResidentMegabytes:F0} MB |");
Console.WriteLine($"| batches / group commits (data-file fsyncs) | {load.Batches} / {load.GroupCommits} ({load.Batches / (double)Math.Max(1, load.GroupCommits):F1} batches per group) |");
Console.WriteLine($"| stored / tallied after the run | {load.StoredRecords} / {load.TalliedMeals} |");
Console.WriteLine($"| elder meals folded into cells after the run (settlement's first step) | {load.ElderMeals} in {load.Fold.TotalSeconds:F1} s |");
bool exact = load.StoredRecords == load.Records && load.TalliedMeals == load.Records && load.ElderMeals == load.Records;
Console.WriteLine(exact ? "Every record stored and tallied once." : "MISMATCH: stored or tallied count differs from the records sent.");
Directory.Delete(directory, recursive: true);
return exact ? 0 : 1;

int Arg(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v && int.TryParse(v, out int n) ? n : fallback;
