namespace ContactCenter.Data.Tests.Migrations;

public sealed class MigrationScriptSetTests
{
    private const string Ddl = "CREATE TABLE t (id TEXT);";

    [Test]
    public void The_embedded_scripts_are_consistent_and_give_both_dialects_the_same_ids()
    {
        var set = MigrationScriptSet.Embedded;

        var sqlite = set.For(SqlDialect.Sqlite).Select(s => s.Id);
        var sqlServer = set.For(SqlDialect.SqlServer).Select(s => s.Id);

        Assert.That(sqlite, Is.Not.Empty.And.EqualTo(sqlServer));
        Assert.That(sqlite.First(), Is.EqualTo("0001_processed_message"));
    }

    [Test]
    public void A_dialect_specific_number_missing_from_the_other_dialect_folder_is_refused()
    {
        var error = Assert.Throws<MigrationException>(() => MigrationScriptSet.FromFiles([("Migrations/Sqlite/0001_agents.sql", Ddl)]))!;

        Assert.That(error.Message, Does.Contain("Migrations/SqlServer/0001_agents.sql must exist too"));
    }

    [Test]
    public void A_number_both_common_and_dialect_specific_is_refused()
    {
        var error = Assert.Throws<MigrationException>(() => MigrationScriptSet.FromFiles(
        [
            ("Migrations/Common/0001_agents.sql", Ddl), ("Migrations/Sqlite/0001_agents.sql", Ddl), ("Migrations/SqlServer/0001_agents.sql", Ddl),
        ]))!;

        Assert.That(error.Message, Does.Contain("0001 is common"));
    }

    [Test]
    public void The_two_dialect_versions_of_a_number_must_share_a_name()
    {
        var error = Assert.Throws<MigrationException>(() => MigrationScriptSet.FromFiles(
            [("Migrations/Sqlite/0001_agents.sql", Ddl), ("Migrations/SqlServer/0001_agent.sql", Ddl)]))!;

        Assert.That(error.Message, Does.Contain("same name"));
    }

    [Test]
    public void A_gap_in_the_numbers_is_refused()
    {
        var error = Assert.Throws<MigrationException>(() => MigrationScriptSet.FromFiles(
            [("Migrations/Common/0001_a.sql", Ddl), ("Migrations/Common/0003_c.sql", Ddl)]))!;

        Assert.That(error.Message, Does.Contain("0002 is missing"));
    }

    [Test]
    public void A_number_used_twice_in_a_folder_is_refused()
    {
        var error = Assert.Throws<MigrationException>(() => MigrationScriptSet.FromFiles(
            [("Migrations/Common/0001_a.sql", Ddl), ("Migrations/Common/0001_b.sql", Ddl)]))!;

        Assert.That(error.Message, Does.Contain("used twice"));
    }

    [TestCase("Migrations/Common/1_agents.sql")]
    [TestCase("Migrations/Common/0001-agents.sql")]
    [TestCase("Migrations/Common/0001_Agents.sql")]
    [TestCase("Migrations/Postgres/0001_agents.sql")]
    [TestCase("Migrations/0001_agents.sql")]
    public void A_script_outside_the_layout_is_refused_naming_it(string name)
    {
        var error = Assert.Throws<MigrationException>(() => MigrationScriptSet.FromFiles([(name, Ddl)]))!;

        Assert.That(error.Message, Does.StartWith(name));
    }

    [Test]
    public void An_empty_script_is_refused()
    {
        var error = Assert.Throws<MigrationException>(() => MigrationScriptSet.FromFiles([("Migrations/Common/0001_a.sql", "-- nothing yet\n\n")]))!;

        Assert.That(error.Message, Does.Contain("empty"));
    }

    [Test]
    public void Every_SqlServer_script_exists_for_each_dialect_specific_number_and_splits_into_non_empty_batches()
    {
        // No SQL Server runs here: the scripts were reviewed against the documented T-SQL syntax, and this
        // test keeps them well-formed as batches and free of SQLite-only syntax.
        var all = MigrationScriptSet.Embedded.All;
        var sqlServer = all.Where(s => s.ResourceName.StartsWith("Migrations/SqlServer/", StringComparison.Ordinal)).ToList();
        var sqlite = all.Where(s => s.ResourceName.StartsWith("Migrations/Sqlite/", StringComparison.Ordinal)).ToList();

        Assert.That(sqlServer.Select(s => s.Id), Is.EqualTo(sqlite.Select(s => s.Id)));
        var texts = sqlServer.Select(s => (s.ResourceName, s.Text))
            .Append(("journal DDL", SqlDialect.SqlServer.JournalDdl))
            .Append(("migration lock", SqlDialect.SqlServer.MigrationLockSql!))
            .Append(("journal exists", SqlDialect.SqlServer.JournalExistsSql));
        foreach (var (name, text) in texts)
        {
            var batches = SqlBatches.Split(text);
            Assert.That(batches, Is.Not.Empty, name);
            Assert.That(batches, Has.All.Matches<string>(b => !SqlBatches.IsBlank(b)), name);
            foreach (var sqliteOnly in new[] { "WITHOUT ROWID", "AUTOINCREMENT", "PRAGMA", "IF NOT EXISTS", " TEXT", "sqlite_" })
            {
                Assert.That(text, Does.Not.Contain(sqliteOnly).IgnoreCase, $"{name} uses SQLite-only syntax");
            }
        }
    }

    [Test]
    public void GO_lines_separate_TSQL_batches_and_blank_batches_are_dropped()
    {
        var batches = SqlBatches.Split("CREATE TABLE a (id int);\r\ngo\n\n  GO  \n-- only a comment\nGO\nCREATE INDEX ix ON a (id);\nGOOD_NAME_NOT_A_SEPARATOR");

        Assert.That(batches, Is.EqualTo(new[] { "CREATE TABLE a (id int);", "CREATE INDEX ix ON a (id);\nGOOD_NAME_NOT_A_SEPARATOR" }));
    }
}
