import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stamps that change whenever anything the juror's assignment list (GET /api/assignments/mine) shows may have
 * changed, so an API instance can keep the list's body and check it with a few index lookups instead of reading
 * the juror's hundreds of assignments (bench/RESULTS.md, the juror's list). A juror's stamp moves with the
 * juror's assignments and sheets (status, version); a competition's with what all its jurors see: stage status,
 * its name and plan (the due dates), the titles and categories of its assigned innovations — so a stage close or
 * a plan change locks one stamp, not those of every juror of the stage, which draft saves write. Kept by
 * statement-level triggers, so every writer (any API instance, the worker, the CLI, SQL by hand) moves them in
 * the transaction of its change. A stamp is a fresh value of a sequence, never reused: a body made in the same
 * snapshot as the stamps it read is current exactly while they are unchanged. Rows are taken in key order (fewer
 * lock-order deadlocks); a TRUNCATE moves every juror's stamp.
 * Hand-written: no entity maps these tables, so `migration:generate` leaves them alone.
 */
export class JurorListStamps1795870000000 implements MigrationInterface {
  name = 'JurorListStamps1795870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE "juror_list_stamp_seq"`);
    await q.query(`CREATE TABLE "juror_list_stamps" ("juror_id" uuid NOT NULL PRIMARY KEY, "stamp" bigint NOT NULL)`);
    await q.query(`CREATE FUNCTION juror_list_touch(jurors uuid[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN
      INSERT INTO juror_list_stamps AS s (juror_id, stamp)
        SELECT j, nextval('juror_list_stamp_seq') FROM (SELECT DISTINCT j FROM unnest(jurors) AS u(j) WHERE j IS NOT NULL ORDER BY j) x
        ON CONFLICT (juror_id) DO UPDATE SET stamp = EXCLUDED.stamp;
    END $$`);
    await q.query(`CREATE FUNCTION juror_list_touch_all() RETURNS void LANGUAGE plpgsql AS $$ BEGIN
      INSERT INTO juror_list_stamps AS s (juror_id, stamp)
        SELECT juror_id, nextval('juror_list_stamp_seq') FROM (SELECT juror_id FROM juror_list_stamps ORDER BY juror_id) x
        ON CONFLICT (juror_id) DO UPDATE SET stamp = EXCLUDED.stamp;
    END $$`);

    // Assignments: the jurors of every row inserted, deleted or updated (before and after).
    await q.query(`CREATE FUNCTION juror_list_assignments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN PERFORM juror_list_touch_all();
        ELSIF TG_OP = 'INSERT' THEN PERFORM juror_list_touch(ARRAY(SELECT juror_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN PERFORM juror_list_touch(ARRAY(SELECT juror_id FROM old_rows));
        ELSE PERFORM juror_list_touch(ARRAY(SELECT juror_id FROM old_rows UNION SELECT juror_id FROM new_rows));
        END IF;
        RETURN NULL;
      END $$`);

    // Sheets: the juror of the assignment of every row whose status or version (what the list shows) changed.
    await q.query(`CREATE FUNCTION juror_list_sheets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN PERFORM juror_list_touch_all();
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM juror_list_touch(ARRAY(SELECT a.juror_id FROM new_rows n JOIN assignments a ON a.id = n.assignment_id));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM juror_list_touch(ARRAY(SELECT a.juror_id FROM old_rows o JOIN assignments a ON a.id = o.assignment_id));
        ELSE
          PERFORM juror_list_touch(ARRAY(
            SELECT a.juror_id FROM assignments a
             WHERE a.id IN (SELECT x.assignment_id
                              FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
                              CROSS JOIN LATERAL (VALUES (o.assignment_id), (n.assignment_id)) x(assignment_id)
                             WHERE (o.assignment_id, o.status, o.version) IS DISTINCT FROM (n.assignment_id, n.status, n.version))));
        END IF;
        RETURN NULL;
      END $$`);

    // What every juror of a competition sees of it (stage status, its name, the due dates in its plan, the titles
    // and categories of its assigned innovations) moves the competition's stamp, not each juror's: a stage close
    // or a plan change then locks one row, not the stamps of every juror of the stage that draft saves write.
    await q.query(`CREATE TABLE "competition_list_stamps" ("competition_id" uuid NOT NULL PRIMARY KEY, "stamp" bigint NOT NULL)`);
    await q.query(`CREATE FUNCTION competition_list_touch(competitions uuid[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN
      INSERT INTO competition_list_stamps AS s (competition_id, stamp)
        SELECT c, nextval('juror_list_stamp_seq') FROM (SELECT DISTINCT c FROM unnest(competitions) AS u(c) WHERE c IS NOT NULL ORDER BY c) x
        ON CONFLICT (competition_id) DO UPDATE SET stamp = EXCLUDED.stamp;
    END $$`);

    // Stages: every stage whose status changed (or that came or went).
    await q.query(`CREATE FUNCTION juror_list_stages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN PERFORM juror_list_touch_all();
        ELSIF TG_OP = 'INSERT' THEN PERFORM competition_list_touch(ARRAY(SELECT competition_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN PERFORM competition_list_touch(ARRAY(SELECT competition_id FROM old_rows));
        ELSE
          PERFORM competition_list_touch(ARRAY(
            SELECT coalesce(o.competition_id, n.competition_id)
              FROM old_rows o FULL JOIN new_rows n ON n.competition_id = o.competition_id AND n.key = o.key
             WHERE o.status IS DISTINCT FROM n.status));
        END IF;
        RETURN NULL;
      END $$`);

    // Competitions: every competition whose name or plan (the due dates) changed (or that came or went).
    await q.query(`CREATE FUNCTION juror_list_competitions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN PERFORM juror_list_touch_all();
        ELSIF TG_OP = 'INSERT' THEN PERFORM competition_list_touch(ARRAY(SELECT id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN PERFORM competition_list_touch(ARRAY(SELECT id FROM old_rows));
        ELSE
          PERFORM competition_list_touch(ARRAY(
            SELECT coalesce(o.id, n.id) FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
             WHERE (o.name, o.plan) IS DISTINCT FROM (n.name, n.plan)));
        END IF;
        RETURN NULL;
      END $$`);

    // Innovations: the competition of every innovation with an active assignment whose title or category changed
    // (or that came or went), found through the partial unique index (stage_key, innovation_id, juror_id) of the
    // active assignments; an OPD's draft (no assignment) touches nothing.
    await q.query(`CREATE FUNCTION juror_list_innovations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN PERFORM juror_list_touch_all();
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM competition_list_touch(ARRAY(SELECT n.competition_id FROM new_rows n WHERE EXISTS (
            SELECT 1 FROM competition_stages cs JOIN assignments a ON a.stage_key = cs.key AND a.innovation_id = n.id AND a.removed_at IS NULL
             WHERE cs.competition_id = n.competition_id)));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM competition_list_touch(ARRAY(SELECT o.competition_id FROM old_rows o WHERE EXISTS (
            SELECT 1 FROM competition_stages cs JOIN assignments a ON a.stage_key = cs.key AND a.innovation_id = o.id AND a.removed_at IS NULL
             WHERE cs.competition_id = o.competition_id)));
        ELSE
          PERFORM competition_list_touch(ARRAY(
            SELECT x.competition_id
              FROM old_rows o JOIN new_rows n ON n.id = o.id
              CROSS JOIN LATERAL (VALUES (o.competition_id), (n.competition_id)) x(competition_id)
             WHERE (o.title, o.category, o.competition_id) IS DISTINCT FROM (n.title, n.category, n.competition_id)
               AND EXISTS (
                 SELECT 1 FROM competition_stages cs JOIN assignments a ON a.stage_key = cs.key AND a.innovation_id = n.id AND a.removed_at IS NULL
                  WHERE cs.competition_id = x.competition_id)));
        END IF;
        RETURN NULL;
      END $$`);

    // Stage results: a correction entrant (pending, marked with an objection) is scored in a closed stage, which
    // the list shows (`correction`); its competition's stamp moves when a result's status or mark changes.
    await q.query(`CREATE FUNCTION juror_list_stage_results_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN PERFORM juror_list_touch_all();
        ELSIF TG_OP = 'INSERT' THEN PERFORM competition_list_touch(ARRAY(SELECT competition_id FROM new_rows WHERE correction_of IS NOT NULL));
        ELSIF TG_OP = 'DELETE' THEN PERFORM competition_list_touch(ARRAY(SELECT competition_id FROM old_rows WHERE correction_of IS NOT NULL));
        ELSE
          PERFORM competition_list_touch(ARRAY(
            SELECT coalesce(o.competition_id, n.competition_id)
              FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
             WHERE (o.correction_of IS NOT NULL OR n.correction_of IS NOT NULL)
               AND (o.status, o.correction_of) IS DISTINCT FROM (n.status, n.correction_of)));
        END IF;
        RETURN NULL;
      END $$`);

    for (const [table, fn] of [
      ['assignments', 'juror_list_assignments_changed'],
      ['score_sheets', 'juror_list_sheets_changed'],
      ['competition_stages', 'juror_list_stages_changed'],
      ['competitions', 'juror_list_competitions_changed'],
      ['innovations', 'juror_list_innovations_changed'],
      ['stage_results', 'juror_list_stage_results_changed'],
    ]) {
      await q.query(
        `CREATE TRIGGER ${table}_juror_list_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_juror_list_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_juror_list_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await q.query(`CREATE TRIGGER ${table}_juror_list_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    await q.query(`INSERT INTO juror_list_stamps (juror_id, stamp)
      SELECT juror_id, nextval('juror_list_stamp_seq') FROM (SELECT DISTINCT juror_id FROM assignments ORDER BY juror_id) x`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['stage_results', 'innovations', 'competitions', 'competition_stages', 'score_sheets', 'assignments']) {
      for (const op of ['truncate', 'delete', 'update', 'insert']) await q.query(`DROP TRIGGER ${table}_juror_list_${op} ON ${table}`);
    }
    for (const fn of ['stage_results', 'innovations', 'competitions', 'stages', 'sheets', 'assignments'])
      await q.query(`DROP FUNCTION juror_list_${fn}_changed()`);
    await q.query(`DROP FUNCTION juror_list_touch_all()`);
    await q.query(`DROP FUNCTION juror_list_touch(uuid[])`);
    await q.query(`DROP FUNCTION competition_list_touch(uuid[])`);
    await q.query(`DROP TABLE "competition_list_stamps"`);
    await q.query(`DROP TABLE "juror_list_stamps"`);
    await q.query(`DROP SEQUENCE "juror_list_stamp_seq"`);
  }
}
