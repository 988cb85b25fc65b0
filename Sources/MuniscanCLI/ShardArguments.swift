import ArgumentParser
import Foundation
import MuniscanAudit

/// `--shard K/N|auto` and `--shard-count N`: one task of a job array works on one shard of the
/// sites, in its own `shard-K-of-N` folder inside the folder that all tasks are given.
struct ShardArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Only shard K of N of the sites (same registrable domain, same shard). K counts from 1 to N; "
        + "'auto' takes the job-array task's index, which schedulers count from 0, as K - 1 "
        + "(SLURM_ARRAY_TASK_ID of SLURM_ARRAY_TASK_COUNT, JOB_COMPLETION_INDEX of "
        + "MUNISCAN_SHARD_COUNT or --shard-count, AWS_BATCH_JOB_ARRAY_INDEX of "
        + "AWS_BATCH_JOB_ARRAY_SIZE). The folder given is shared by all shards: this one works in "
        + "shard-K-of-N inside it.",
      valueName: "K/N|auto"))
  var shard: String?

  @Option(
    help: ArgumentHelp(
      "Number of shards for --shard auto where the scheduler does not export it (Kubernetes "
        + "Indexed Jobs: the completions; default: MUNISCAN_SHARD_COUNT).",
      valueName: "n"))
  var shardCount: Int?

  func validate() throws {
    if shardCount != nil, shard != "auto" {
      throw ValidationError("--shard-count goes with --shard auto")
    }
    _ = try chosen()
  }

  /// The shard asked for (nil without `--shard`) and, for `auto`, the variables it was read from.
  func chosen(environment: [String: String] = ProcessInfo.processInfo.environment) throws
    -> (shard: Shard, source: String?)?
  {
    guard let shard else { return nil }
    do {
      guard shard == "auto" else { return (try Shard(parsing: shard), nil) }
      let (found, source) = try Shard.fromEnvironment(environment, count: shardCount)
      return (found, source)
    } catch let error as MuniscanError {
      throw ValidationError("--shard \(shard): \(error.description)")
    }
  }

  /// A shard's scorecard ranks only its own sites: the run history keeps whole runs.
  func checkNotStoring(_ store: String?) throws {
    if shard != nil, store != nil {
      throw ValidationError(
        "--store keeps whole runs, not shards: store the merged run (muniscan merge … --store)")
    }
  }

  /// Says which shard this run works on, on standard error.
  static func note(
    _ chosen: (shard: Shard, source: String?), sites: Int, of total: Int, file: String
  ) {
    let source = chosen.source.map { " (\($0))" } ?? ""
    Console.note(
      "shard \(chosen.shard.index) of \(chosen.shard.count)\(source): \(sites) of \(total) sites "
        + "of \(file)\n")
  }
}
