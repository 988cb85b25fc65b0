import MuniscanAudit
import Testing

/// `--shard auto` reads the job-array variables of Slurm, Kubernetes Indexed Jobs and AWS Batch,
/// whose 0-based task index i is shard i + 1.
@Suite struct ShardEnvironmentTests {
  func shard(_ environment: [String: String], count: Int? = nil) throws -> String {
    let (shard, source) = try Shard.fromEnvironment(environment, count: count)
    return "\(shard.index)/\(shard.count) \(source)"
  }

  @Test func slurm() throws {
    #expect(
      try shard(["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "3"])
        == "1/3 SLURM_ARRAY_TASK_ID=0, SLURM_ARRAY_TASK_COUNT=3")
    // --array=1-3: the first task is shard 1.
    #expect(
      try shard([
        "SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1",
      ]).hasPrefix("3/3 "))
    // --array=10-18:4 is tasks 10, 14, 18.
    #expect(
      try shard([
        "SLURM_ARRAY_TASK_ID": "14", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "10",
        "SLURM_ARRAY_TASK_STEP": "4",
      ]).hasPrefix("2/3 "))
  }

  @Test func kubernetesIndexedJob() throws {
    #expect(
      try shard(["JOB_COMPLETION_INDEX": "2", "MUNISCAN_SHARD_COUNT": "3"])
        == "3/3 JOB_COMPLETION_INDEX=2, MUNISCAN_SHARD_COUNT=3")
    #expect(
      try shard(["JOB_COMPLETION_INDEX": "0"], count: 5)
        == "1/5 JOB_COMPLETION_INDEX=0, --shard-count 5")
    // --shard-count wins over the variable.
    #expect(
      try shard(["JOB_COMPLETION_INDEX": "0", "MUNISCAN_SHARD_COUNT": "3"], count: 5)
        .hasPrefix("1/5 "))
  }

  @Test func awsBatchArrayJob() throws {
    #expect(
      try shard(["AWS_BATCH_JOB_ARRAY_INDEX": "1", "AWS_BATCH_JOB_ARRAY_SIZE": "4"])
        == "2/4 AWS_BATCH_JOB_ARRAY_INDEX=1, AWS_BATCH_JOB_ARRAY_SIZE=4")
    #expect(
      try shard(["AWS_BATCH_JOB_ARRAY_INDEX": "1", "MUNISCAN_SHARD_COUNT": "4"]).hasPrefix("2/4 "))
  }

  @Test(
    arguments: [
      (
        [:], nil,
        "none of SLURM_ARRAY_TASK_ID (Slurm), JOB_COMPLETION_INDEX (Kubernetes) and AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch) is set"
      ),
      (
        ["JOB_COMPLETION_INDEX": "1"], nil,
        "JOB_COMPLETION_INDEX=1 is set but not the number of shards: set MUNISCAN_SHARD_COUNT or --shard-count to the Job's completions"
      ),
      (
        ["AWS_BATCH_JOB_ARRAY_INDEX": "1"], nil,
        "set AWS_BATCH_JOB_ARRAY_SIZE, MUNISCAN_SHARD_COUNT or --shard-count"
      ),
      (
        ["SLURM_ARRAY_TASK_ID": "1"], nil,
        "SLURM_ARRAY_TASK_ID=1 is set but not the number of shards: set SLURM_ARRAY_TASK_COUNT, MUNISCAN_SHARD_COUNT or --shard-count"
      ),
      (
        ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3"], nil,
        "SLURM_ARRAY_TASK_ID=3 is not below the number of shards, SLURM_ARRAY_TASK_COUNT=3"
      ),
      (
        ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1"],
        nil, "is not a task of a regular array"
      ),
      (
        ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "3"], 4,
        "SLURM_ARRAY_TASK_COUNT=3 but --shard-count 4: the shard counts disagree"
      ),
      (
        ["JOB_COMPLETION_INDEX": "x", "MUNISCAN_SHARD_COUNT": "3"], nil,
        "JOB_COMPLETION_INDEX='x' is not a whole number"
      ),
      (
        ["JOB_COMPLETION_INDEX": "0", "MUNISCAN_SHARD_COUNT": "0"], nil,
        "JOB_COMPLETION_INDEX=0 is not below the number of shards, MUNISCAN_SHARD_COUNT=0"
      ),
    ] as [([String: String], Int?, String)])
  func whatIsMissingIsSaidInOneLine(environment: [String: String], count: Int?, message: String) {
    #expect {
      try shard(environment, count: count)
    } throws: { error in
      "\(error)".contains(message) && !"\(error)".contains("\n")
    }
  }
}
