import Foundation
import MuniscanTestSupport
import Testing
import Yams

/// The deployment examples in `deploy/` cannot run here (no Slurm, no Kubernetes): their syntax
/// is checked, and so is every muniscan command and option they run.
@Suite struct DeployExamplesTests {
  static let deploy = CommandRunner.repository + "/deploy/"
  static let shellScripts = [
    "slurm/crawl-array.sbatch", "slurm/merge.sbatch", "slurm/submit.sh", "slurm/workers.sbatch",
  ]
  static let manifests = [
    "kubernetes/archives-pvc.yaml", "kubernetes/crawl-indexed-job.yaml",
    "kubernetes/merge-job.yaml", "kubernetes/worker-deployment.yaml",
    "kubernetes/enqueue-job.yaml",
  ]

  static func manifest(_ name: String) throws -> [String: Any] {
    let text = try String(contentsOfFile: deploy + name, encoding: .utf8)
    return try #require(try Yams.load(yaml: text) as? [String: Any], "\(name) is not a mapping")
  }

  /// The pod template's init containers and containers of a Job or Deployment.
  static func containers(_ manifest: [String: Any]) -> [[String: Any]] {
    let spec = (manifest["spec"] as? [String: Any])?["template"] as? [String: Any]
    let pod = spec?["spec"] as? [String: Any] ?? [:]
    return (pod["initContainers"] as? [[String: Any]] ?? [])
      + (pod["containers"] as? [[String: Any]] ?? [])
  }

  /// The muniscan command lines of a shell text, as words after `muniscan` up to `&&`, `||`,
  /// `;` or `|` (continuation lines joined, comment lines left out).
  static func muniscanCommands(inShell text: String) -> [[String]] {
    var commands: [[String]] = []
    let lines = text.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n")
    for line in lines where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
      var words = line.split(whereSeparator: \.isWhitespace).map(String.init)[...]
      while let start = words.firstIndex(of: "muniscan") {
        let rest = words[(start + 1)...]
        let end = rest.firstIndex { ["&&", "||", ";", "|"].contains($0) } ?? rest.endIndex
        commands.append(Array(rest[..<end]))
        words = rest[end...]
      }
    }
    return commands.filter { !$0.isEmpty }
  }

  /// The muniscan command lines a container runs: `muniscan` with its arguments, or a shell's.
  static func muniscanCommands(in container: [String: Any]) -> [[String]] {
    let command = container["command"] as? [String] ?? []
    let arguments = container["args"] as? [String] ?? []
    if command == ["muniscan"] { return [arguments] }
    return muniscanCommands(inShell: (command + arguments).joined(separator: " "))
  }

  static func help(_ arguments: [String]) async -> String {
    await CommandRunner.run(arguments + ["--help"]).message
  }

  @Test func slurmScriptsAreValidBash() throws {
    for script in Self.shellScripts {
      let result = try ChildProcess.runBlocking("/bin/bash", ["-n", Self.deploy + script])
      #expect(result.status == 0, "\(script): \(result.errors)")
      #expect(FileManager.default.isExecutableFile(atPath: Self.deploy + script), "\(script)")
    }
  }

  @Test func kubernetesManifestsParse() throws {
    for name in Self.manifests {
      let manifest = try Self.manifest(name)
      #expect(manifest["apiVersion"] is String && manifest["kind"] is String, "\(name)")
      #expect((manifest["metadata"] as? [String: Any])?["name"] is String, "\(name)")
    }
  }

  @Test func theIndexedJobTellsEachPodTheShardCountOnSharedStorage() throws {
    let job = try Self.manifest("kubernetes/crawl-indexed-job.yaml")
    let spec = try #require(job["spec"] as? [String: Any])
    #expect(job["kind"] as? String == "Job")
    #expect(spec["completionMode"] as? String == "Indexed")
    let completions = try #require(spec["completions"] as? Int)
    #expect((spec["parallelism"] as? Int ?? 1) <= completions)
    let containers = Self.containers(job)
    #expect(containers.count == 2)
    for container in containers {
      let env = container["env"] as? [[String: Any]] ?? []
      let count = env.first { $0["name"] as? String == "MUNISCAN_SHARD_COUNT" }?["value"] as? String
      #expect(count == String(completions), "\(container["name"] ?? "")")
      #expect(Self.muniscanCommands(in: container).allSatisfy { $0.contains("auto") })
    }
    let claim = try Self.manifest("kubernetes/archives-pvc.yaml")
    let claimName = (claim["metadata"] as? [String: Any])?["name"] as? String
    for name in [
      "kubernetes/crawl-indexed-job.yaml", "kubernetes/merge-job.yaml",
      "kubernetes/worker-deployment.yaml",
    ] {
      let pod =
        ((try Self.manifest(name)["spec"] as? [String: Any])?["template"] as? [String: Any])?[
          "spec"] as? [String: Any]
      let volumes = pod?["volumes"] as? [[String: Any]] ?? []
      let claims = volumes.compactMap {
        ($0["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String
      }
      #expect(claims == [claimName], "\(name)")
    }
  }

  @Test func theWorkerTakesItsPasswordFromASecretAndHasTimeToStop() throws {
    let deployment = try Self.manifest("kubernetes/worker-deployment.yaml")
    let pod =
      ((deployment["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"]
      as? [String: Any]
    #expect((pod?["terminationGracePeriodSeconds"] as? Int ?? 0) >= 60)
    let container = try #require(Self.containers(deployment).first)
    let env = container["env"] as? [[String: Any]] ?? []
    let password = env.first { $0["name"] as? String == "MUNISCAN_DB_PASSWORD" }
    let secret = (password?["valueFrom"] as? [String: Any])?["secretKeyRef"] as? [String: Any]
    #expect(secret?["name"] != nil && secret?["key"] != nil)
    let command = try #require(Self.muniscanCommands(in: container).first)
    let store = try #require(command.firstIndex(of: "--store").map { command[$0 + 1] })
    #expect(store.hasPrefix("postgres://muniscan:$(MUNISCAN_DB_PASSWORD)@"), "\(store)")
  }

  @Test func everyCommandAndOptionTheyRunExists() async throws {
    var commands: [(file: String, words: [String])] = []
    for script in Self.shellScripts {
      let text = try String(contentsOfFile: Self.deploy + script, encoding: .utf8)
      commands += Self.muniscanCommands(inShell: text).map { (script, $0) }
    }
    for name in Self.manifests {
      for container in Self.containers(try Self.manifest(name)) {
        commands += Self.muniscanCommands(in: container).map { (name, $0) }
      }
    }
    #expect(
      Set(commands.map { $0.words[0] }) == ["crawl", "score", "merge", "worker", "enqueue"],
      "\(commands)")
    let overview = await Self.help([])
    for (file, words) in commands {
      let name = words[0]
      guard overview.contains("\n  \(name) ") else {
        Issue.record("\(file): muniscan \(name) is not a command")
        continue
      }
      let help = await Self.help([name])
      for option in words.dropFirst() where option.hasPrefix("--") {
        let flag = option.split(separator: "=")[0]
        #expect(
          help.contains(" \(flag) ") || help.contains(" \(flag)\n"),
          "\(file): muniscan \(name) has no \(flag)")
      }
    }
  }
}
