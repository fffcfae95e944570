import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stamp per juror that changes whenever anything the juror's assignment list (GET /api/assignments/mine) shows
 * may have changed, so an API instance can keep the list's body and check it with one index lookup instead of
 * reading the juror's hundreds of assignments (bench/RESULTS.md, the juror's list). Kept by statement-level
 * triggers on every table the list reads — assignments, score_sheets (status, version), competition_stages
 * (status), competitions (name, plan: the due dates) and innovations (title, category) — so every writer (any API
 * instance, the worker, the CLI, SQL by hand) moves it in the transaction of its change. A stamp is a fresh value
 * of a sequence, never reused: a body made in the same snapshot as the stamp it read is current exactly while
 * the stamp is unchanged. The stamps of a juror's rows are taken in juror order (fewer lock-order deadlocks).
 * Hand-written: no entity maps this table, so `migration:generate` leaves it alone.
 */
export class JurorListStamps1795870000000 implements MigrationInterface {
  name = 'JurorListStamps1795870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE "juror_list_stamp_seq"`);
    await q.query(`CREATE TABLE "juror_list_stamps" ("juror_id" uuid NOT NULL PRIMARY KEY, "stamp" bigint NOT NULL)`);
    await q.query(`CREATE FUNCTION juror_list_touch(jurors uuid[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO juror_list_stamps AS s (juror_id, stamp)
        SELECT j, nextval('juror_list_stamp_seq') FROM (SELECT DISTINCT j FROM unnest(jurors) AS u(j) WHERE j IS NOT NULL ORDER BY j) x
        ON CONFLICT (juror_id) DO UPDATE SET stamp = EXCLUDED.stamp
    $$`);
    await q.query(`CREATE FUNCTION juror_list_touch_all() RETURNS void LANGUAGE sql AS $$
      INSERT INTO juror_list_stamps AS s (juror_id, stamp)
        SELECT juror_id, nextval('juror_list_stamp_seq') FROM (SELECT juror_id FROM juror_list_stamps ORDER BY juror_id) x
        ON CONFLICT (juror_id) DO UPDATE SET stamp = EXCLUDED.stamp
    $$`);

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

    // Stages: the jurors assigned in every stage whose status changed (or that came or went).
    await q.query(`CREATE FUNCTION juror_list_stages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN PERFORM juror_list_touch_all();
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM juror_list_touch(ARRAY(SELECT a.juror_id FROM new_rows n
            JOIN assignments a ON a.competition_id = n.competition_id AND a.stage_key = n.key AND a.removed_at IS NULL));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM juror_list_touch(ARRAY(SELECT a.juror_id FROM old_rows o
            JOIN assignments a ON a.competition_id = o.competition_id AND a.stage_key = o.key AND a.removed_at IS NULL));
        ELSE
          PERFORM juror_list_touch(ARRAY(
            SELECT a.juror_id
              FROM (SELECT coalesce(o.competition_id, n.competition_id) AS competition_id, coalesce(o.key, n.key) AS key
                      FROM old_rows o FULL JOIN new_rows n ON n.competition_id = o.competition_id AND n.key = o.key
                     WHERE o.status IS DISTINCT FROM n.status) d
              JOIN assignments a ON a.competition_id = d.competition_id AND a.stage_key = d.key AND a.removed_at IS NULL));
        END IF;
        RETURN NULL;
      END $$`);

    // Competitions: the jurors assigned in every competition whose name or plan (the due dates) changed.
    await q.query(`CREATE FUNCTION juror_list_competitions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN PERFORM juror_list_touch_all();
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM juror_list_touch(ARRAY(SELECT a.juror_id FROM new_rows n JOIN assignments a ON a.competition_id = n.id AND a.removed_at IS NULL));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM juror_list_touch(ARRAY(SELECT a.juror_id FROM old_rows o JOIN assignments a ON a.competition_id = o.id AND a.removed_at IS NULL));
        ELSE
          PERFORM juror_list_touch(ARRAY(
            SELECT a.juror_id
              FROM (SELECT coalesce(o.id, n.id) AS id FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
                     WHERE (o.name, o.plan) IS DISTINCT FROM (n.name, n.plan)) d
              JOIN assignments a ON a.competition_id = d.id AND a.removed_at IS NULL));
        END IF;
        RETURN NULL;
      END $$`);

    // Innovations: the jurors assigned to every innovation whose title or category changed (or that came or went),
    // found through the partial unique index (stage_key, innovation_id, juror_id) of the active assignments.
    await q.query(`CREATE FUNCTION juror_list_innovations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN PERFORM juror_list_touch_all();
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM juror_list_touch(ARRAY(SELECT a.juror_id FROM new_rows n
            JOIN competition_stages cs ON cs.competition_id = n.competition_id
            JOIN assignments a ON a.stage_key = cs.key AND a.innovation_id = n.id AND a.removed_at IS NULL));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM juror_list_touch(ARRAY(SELECT a.juror_id FROM old_rows o
            JOIN competition_stages cs ON cs.competition_id = o.competition_id
            JOIN assignments a ON a.stage_key = cs.key AND a.innovation_id = o.id AND a.removed_at IS NULL));
        ELSE
          PERFORM juror_list_touch(ARRAY(
            SELECT a.juror_id
              FROM (SELECT coalesce(o.id, n.id) AS id, x.competition_id
                      FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
                      CROSS JOIN LATERAL (VALUES (o.competition_id), (n.competition_id)) x(competition_id)
                     WHERE (o.title, o.category, o.competition_id) IS DISTINCT FROM (n.title, n.category, n.competition_id)
                       AND x.competition_id IS NOT NULL) d
              JOIN competition_stages cs ON cs.competition_id = d.competition_id
              JOIN assignments a ON a.stage_key = cs.key AND a.innovation_id = d.id AND a.removed_at IS NULL));
        END IF;
        RETURN NULL;
      END $$`);

    for (const [table, fn] of [
      ['assignments', 'juror_list_assignments_changed'],
      ['score_sheets', 'juror_list_sheets_changed'],
      ['competition_stages', 'juror_list_stages_changed'],
      ['competitions', 'juror_list_competitions_changed'],
      ['innovations', 'juror_list_innovations_changed'],
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
    for (const table of ['innovations', 'competitions', 'competition_stages', 'score_sheets', 'assignments']) {
      for (const op of ['truncate', 'delete', 'update', 'insert']) await q.query(`DROP TRIGGER ${table}_juror_list_${op} ON ${table}`);
    }
    for (const fn of ['innovations', 'competitions', 'stages', 'sheets', 'assignments'])
      await q.query(`DROP FUNCTION juror_list_${fn}_changed()`);
    await q.query(`DROP FUNCTION juror_list_touch_all()`);
    await q.query(`DROP FUNCTION juror_list_touch(uuid[])`);
    await q.query(`DROP TABLE "juror_list_stamps"`);
    await q.query(`DROP SEQUENCE "juror_list_stamp_seq"`);
  }
}
