/// `--shard auto`: the shard of this task of a job array, read from the variables its scheduler
/// sets. Schedulers number tasks from 0; shards count from 1, so task i runs shard i + 1.
extension Shard {
  /// The variable that gives the number of shards where the scheduler does not: Kubernetes
  /// Indexed Jobs export no completion count.
  public static let countVariable = "MUNISCAN_SHARD_COUNT"

  /// The shard of the job-array task whose environment is `environment`, and the variables it
  /// was read from (`SLURM_ARRAY_TASK_ID=1, SLURM_ARRAY_TASK_COUNT=3`). `count`
  /// (`--shard-count`, else `MUNISCAN_SHARD_COUNT`) gives the number of shards where the
  /// scheduler does not, and must agree where it does:
  /// - Slurm: `SLURM_ARRAY_TASK_ID`, counted from `SLURM_ARRAY_TASK_MIN` (0 when unset) in steps
  ///   of `SLURM_ARRAY_TASK_STEP` (1 when unset), of `SLURM_ARRAY_TASK_COUNT`;
  /// - Kubernetes Indexed Jobs: `JOB_COMPLETION_INDEX`, of the count given;
  /// - AWS Batch array jobs: `AWS_BATCH_JOB_ARRAY_INDEX`, of `AWS_BATCH_JOB_ARRAY_SIZE`, which
  ///   the job definition must set (AWS sets only the index), or of the count given.
  ///
  /// Throws a one-line error naming what is missing or wrong.
  public static func fromEnvironment(_ environment: [String: String], count: Int? = nil) throws
    -> (shard: Shard, source: String)
  {
    let variables = EnvironmentReader(environment: environment)
    let given =
      try count.map { Reading(value: $0, source: "--shard-count \($0)") }
      ?? variables.number(countVariable)
    let task = try variables.task()
    guard let total = task.count ?? given else {
      let choices = (task.countVariable.map { [$0] } ?? []) + [countVariable, "--shard-count"]
      throw MuniscanError(
        "\(task.index.source) is set but not the number of shards: set "
          + choices.dropLast().joined(separator: ", ") + " or " + choices.last!
          + (task.countVariable == nil ? " to the Job's completions" : ""))
    }
    if let scheduled = task.count, let given, scheduled.value != given.value {
      throw MuniscanError("\(scheduled.source) but \(given.source): the shard counts disagree")
    }
    guard task.index.value < total.value else {
      throw MuniscanError("\(task.index.source) is not below the number of shards, \(total.source)")
    }
    return (
      try Shard(index: task.index.value + 1, count: total.value),
      task.index.source + ", " + total.source
    )
  }
}

/// A whole number read from a variable or an option, with where it came from (`NAME=4`).
private struct Reading {
  var value: Int
  var source: String
}

/// A job-array task: its index from 0, and the number of tasks when the scheduler gives it.
private struct ScheduledTask {
  var index: Reading
  /// The variable in which the scheduler gives the number of tasks, if it has one.
  var countVariable: String?
  var count: Reading?
}

/// Reads the job-array variables of each scheduler, with one-line errors naming the variable.
private struct EnvironmentReader {
  let environment: [String: String]

  /// The task of the first scheduler whose index variable is set.
  func task() throws -> ScheduledTask {
    if let id = try number("SLURM_ARRAY_TASK_ID") {
      return try slurmTask(id)
    }
    if let index = try number("JOB_COMPLETION_INDEX") {
      return ScheduledTask(index: index)
    }
    if let index = try number("AWS_BATCH_JOB_ARRAY_INDEX") {
      let size = "AWS_BATCH_JOB_ARRAY_SIZE"
      return ScheduledTask(index: index, countVariable: size, count: try number(size))
    }
    throw MuniscanError(
      "no job-array task found: none of SLURM_ARRAY_TASK_ID (Slurm), JOB_COMPLETION_INDEX "
        + "(Kubernetes) and AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch) is set; give --shard K/N")
  }

  /// The variable's value; nil when it is unset.
  func number(_ name: String) throws -> Reading? {
    guard let text = environment[name] else { return nil }
    guard let value = Int(text), value >= 0 else {
      throw MuniscanError("\(name)='\(text)' is not a whole number")
    }
    return Reading(value: value, source: "\(name)=\(value)")
  }

  /// Slurm's task: its id counted from the array's first id in the array's steps.
  private func slurmTask(_ id: Reading) throws -> ScheduledTask {
    let first = try number("SLURM_ARRAY_TASK_MIN")
    let step = try number("SLURM_ARRAY_TASK_STEP")
    let source = [id, first, step].compactMap { $0?.source }.joined(separator: ", ")
    let offset = id.value - (first?.value ?? 0)
    let stride = step?.value ?? 1
    guard offset >= 0, stride > 0, offset % stride == 0 else {
      throw MuniscanError("\(source) is not a task of a regular array: submit --array=0-(N-1)")
    }
    let count = "SLURM_ARRAY_TASK_COUNT"
    return ScheduledTask(
      index: Reading(value: offset / stride, source: source), countVariable: count,
      count: try number(count))
  }
}
