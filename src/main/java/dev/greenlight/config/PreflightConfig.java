package dev.greenlight.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The pre-deployment checklist of the application's repository (the {@code preflight} suite): which checkout to read,
 * the branch and versions it must be on, the build commands to run, and the backup to look for. Commands are data
 * (argv, no shell), each with a timeout; git is read with git itself.
 *
 * @param repo           the application's project directory (where {@code package.json} is), e.g. {@code ../your-app};
 *                       relative to the working directory. Unset, and without {@code scratch}, the repository checks are
 *                       out of scope for this target
 * @param branch         the branch the upgrade must be on, {@code upgrade/prisma-7} by default
 * @param candidate      the Prisma version every package in {@code packages} must be pinned at; {@code app.version.expected}
 *                       when unset
 * @param packages       the packages pinned at the candidate version in {@code package.json} and the lockfile
 * @param nodeMinimum    the lowest Node.js the project may pin (Prisma 7's minimum: 20.19.0)
 * @param schema         the Prisma schema, relative to {@code repo}
 * @param prismaConfig   the Prisma config file, relative to {@code repo} (Prisma 7 reads the datasource URL there)
 * @param commands       the build checks, in order: each run without a shell in {@code repo}, its output attached
 * @param commandTimeout the timeout of a command that states none
 * @param backup         the database backup that must exist before the deploy
 * @param scratch        for a target without a checkout of its own (the embedded default, self-tests): build a scratch git
 *                       repository from a directory, on {@code branch}, committed and pushed to a local remote
 */
public record PreflightConfig(
        String repo,
        String branch,
        String candidate,
        List<String> packages,
        String nodeMinimum,
        String schema,
        String prismaConfig,
        List<Command> commands,
        Duration commandTimeout,
        Backup backup,
        Scratch scratch) {

    public PreflightConfig {
        repo = repo == null || repo.isBlank() ? null : repo;
        branch = branch == null ? "upgrade/prisma-7" : branch;
        packages = packages == null ? List.of("prisma", "@prisma/client", "@prisma/adapter-pg") : List.copyOf(packages);
        nodeMinimum = nodeMinimum == null ? "20.19.0" : nodeMinimum;
        schema = schema == null ? "prisma/schema.prisma" : schema;
        prismaConfig = prismaConfig == null ? "prisma.config.ts" : prismaConfig;
        commands = commands == null ? List.of() : List.copyOf(commands);
        commandTimeout = commandTimeout == null ? Duration.ofMinutes(5) : commandTimeout;
        backup = backup == null ? new Backup(null, null, null, null) : backup;
        scratch = scratch == null ? new Scratch(null, null, null, null, null) : scratch;
    }

    /** Every key at its default. */
    public static PreflightConfig defaults() {
        return new PreflightConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same checklist pointed at another checkout (a scratch repository, a test's copy). */
    public PreflightConfig withRepo(String newRepo) {
        return new PreflightConfig(newRepo, branch, candidate, packages, nodeMinimum, schema, prismaConfig, commands, commandTimeout,
                backup, scratch);
    }

    /**
     * One build check.
     *
     * @param name     what it proves, for the report ("type check")
     * @param command  argv, no shell; {@code {repo}} stands for the project directory (absolute)
     * @param timeout  its own timeout, else {@code preflight.commandTimeout}
     * @param env      extra environment variables ({@code {repo}} filled in too)
     * @param requires paths relative to {@code repo} that must exist for the command to mean anything (e.g.
     *                 {@code node_modules/.bin/tsc}); a missing one makes the check <em>not run</em>, not failed
     */
    public record Command(String name, List<String> command, Duration timeout, Map<String, String> env, List<String> requires) {
        public Command {
            command = command == null ? List.of() : List.copyOf(command);
            if (command.isEmpty() || command.get(0).isBlank()) {
                throw new ConfigException("a preflight command needs a command, e.g. command: [npm, run, build]"
                        + (name == null ? "" : " (command '" + name + "')"));
            }
            name = name == null ? String.join(" ", command) : name;
            env = env == null ? Map.of() : Map.copyOf(env);
            requires = requires == null ? List.of() : List.copyOf(requires);
        }
    }

    /**
     * The backup taken before the deploy: a file, or a command that lists backups (the newest ISO-8601 time in its output
     * counts; a time without an offset is read as UTC).
     *
     * @param file    a backup file, or a directory whose newest file counts
     * @param command argv of a command listing backups, e.g. {@code [aws, rds, describe-db-snapshots, ...]}
     * @param maxAge  the oldest a backup may be, 24 h by default
     * @param enabled false declares the check out of scope (e.g. an embedded database made new for every run)
     */
    public record Backup(String file, List<String> command, Duration maxAge, Boolean enabled) {
        public Backup {
            file = file == null || file.isBlank() ? null : file;
            command = command == null ? List.of() : List.copyOf(command);
            maxAge = maxAge == null ? Duration.ofHours(24) : maxAge;
            enabled = enabled == null || enabled;
        }

        /** Whether the target file says where to look. */
        public boolean configured() {
            return file != null || !command.isEmpty();
        }
    }

    /**
     * A scratch repository for a target without a checkout: {@code from} copied (without the {@code ignore} names, which
     * also become its {@code .gitignore}), the {@code link} paths symlinked instead of copied, committed on the preflight
     * branch and pushed to a bare repository beside it. {@code setup} runs first, once per machine at a time.
     *
     * @param from    the directory to copy, relative to the working directory, e.g. {@code examples/prisma-express}
     * @param project the project directory inside it ({@code package.json}'s), e.g. {@code prisma7}; the copy's root when unset
     * @param ignore  file names left out of the copy and ignored by git, e.g. {@code node_modules}, {@code generated}, {@code *.log}
     * @param link    paths relative to {@code from} symlinked into the copy (installed packages too big to copy)
     * @param setup   commands run in the working directory before the copy (e.g. installing the packages that are linked)
     */
    public record Scratch(String from, String project, List<String> ignore, List<String> link, List<Command> setup) {
        public Scratch {
            from = from == null || from.isBlank() ? null : from;
            project = project == null ? "" : project;
            ignore = ignore == null ? List.of() : List.copyOf(ignore);
            link = link == null ? List.of() : List.copyOf(link);
            setup = setup == null ? List.of() : List.copyOf(setup);
        }

        public boolean configured() {
            return from != null;
        }
    }
}
