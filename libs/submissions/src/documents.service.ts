import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AppEnv } from '@app/config';
import { DomainError, Forbidden, NotFound, ValidationFailed, type Actor } from '@app/common';
import { AuditService } from '@app/audit';
import { CompetitionsService, submissionDeadline } from '@app/competitions';
import { InnovationsRepository } from './persistence/innovations.repository';
import { DocumentEntity } from './persistence/innovation.entity';
import { FileStorage, StoredFileMissing } from './storage/file-storage';
import { InnovationsService } from './innovations.service';
import { assertEditable, EVIDENCE_MEDIA_TYPES, extensionOf, safeFileName, sniffMediaType } from './domain';
import type { DocumentView } from './dto/innovation.dto';

export interface UploadedStream {
  file: Readable;
  filename?: string;
  /** Reads what follows the file in the request (400 when another file does); called once it is staged. */
  rest?: () => Promise<void>;
}

/** What a stored upload is: the row that references it adds its owner. */
export type StoredFileMeta = Pick<DocumentEntity, 'fileName' | 'mediaType' | 'size' | 'sha256' | 'storageKey'>;

export function toDocumentView(d: DocumentEntity): DocumentView {
  return {
    id: d.id,
    innovationId: d.innovationId,
    kind: d.kind,
    fileName: d.fileName,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    createdAt: d.createdAt,
  };
}

/**
 * Evidence files. A file and its row never get out of step: the bytes are staged, checked (size → 413,
 * magic bytes → 415), then moved into place inside the transaction that inserts the row; any failure
 * removes the file.
 */
@Injectable()
export class DocumentsService {
  private readonly maxBytes: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: InnovationsRepository,
    private readonly innovations: InnovationsService,
    private readonly competitions: CompetitionsService,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    config: ConfigService<AppEnv, true>,
  ) {
    this.maxBytes = config.get('uploadMaxBytes', { infer: true });
  }

  /** Who may add or delete evidence: the owning OPD while the innovation is editable. */
  private async assertCanEditEvidence(actor: Actor, innovationId: string, tx?: EntityManager, lock = false, now = new Date()) {
    const rel = await this.innovations.relate(actor, innovationId, tx, lock);
    if (rel.relation !== 'owner')
      throw new Forbidden('INNOVATION_NOT_OWNER', 'Only the OPD that owns this innovation manages its evidence');
    const competition = await this.competitions.snapshot(rel.innovation.competitionId, tx);
    assertEditable(rel.innovation.status, submissionDeadline(competition.plan), now);
    return rel.innovation;
  }

  /** Stages and checks an upload, then hands it to `save` to write the row inside a transaction. */
  async receive<T = DocumentEntity>(
    upload: UploadedStream | undefined,
    save: (tx: EntityManager, meta: StoredFileMeta) => Promise<T>,
  ): Promise<T> {
    if (!upload) throw new ValidationFailed([{ field: 'file', message: 'attach the file as multipart field "file"' }], 'DOCUMENT_NO_FILE');
    // The client's stream failing (a body cut off, a broken form) is the client's error, not the disk's. The
    // parser may have failed it before we got here: `errored` holds that error.
    let streamError: unknown = upload.file.errored ?? null;
    upload.file.once('error', (err: unknown) => (streamError = err));
    const staged = await this.storage.stage(upload.file, this.maxBytes).catch((err: unknown) => {
      const cause = streamError ?? upload.file.errored;
      if (cause)
        throw new ValidationFailed(
          [
            {
              field: 'file',
              message: `the upload ended before the file did (${String((cause as Error).message ?? cause)}); send it again`,
            },
          ],
          'DOCUMENT_INCOMPLETE',
        );
      throw err;
    });
    try {
      if (staged.truncated)
        throw new DomainError(
          'DOCUMENT_TOO_LARGE',
          `The file is larger than the limit of ${Math.round(this.maxBytes / 1024 / 1024)} MB`,
          { maxBytes: this.maxBytes },
          'too_large',
        );
      await upload.rest?.();
      if (staged.size === 0) throw new ValidationFailed([{ field: 'file', message: 'the file is empty' }], 'DOCUMENT_EMPTY');
      const mediaType = sniffMediaType(staged.head);
      if (!mediaType)
        throw new DomainError(
          'DOCUMENT_UNSUPPORTED_TYPE',
          `Only PDF, JPEG and PNG files are accepted (recognised by their content, not their name)`,
          { accepted: EVIDENCE_MEDIA_TYPES },
          'unsupported',
        );
      const storageKey = `${staged.sha256.slice(0, 2)}/${randomUUID()}.${extensionOf(mediaType)}`;
      return await this.db
        .transaction(async (tx) => {
          const row = await save(tx, {
            fileName: safeFileName(upload.filename, mediaType),
            mediaType,
            size: staged.size,
            sha256: staged.sha256,
            storageKey,
          });
          await this.storage.commit(staged, storageKey);
          return row;
        })
        .catch(async (err: unknown) => {
          await this.storage.remove(storageKey).catch(() => undefined);
          throw err;
        });
    } finally {
      await this.storage.discard(staged);
    }
  }

  async upload(actor: Actor, innovationId: string, upload: UploadedStream | undefined): Promise<DocumentView> {
    // Checked before reading the body, and again under lock when the row is written.
    await this.assertCanEditEvidence(actor, innovationId);
    const doc = await this.receive(upload, async (tx, meta) => {
      const innovation = await this.assertCanEditEvidence(actor, innovationId, tx, true);
      const row = await this.repo.insertDocument(tx, { ...meta, innovationId, kind: 'evidence', uploadedBy: actor.id });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'document.upload',
        entityType: 'document',
        entityId: row.id,
        competitionId: innovation.competitionId,
        after: { innovationId, fileName: row.fileName, sha256: row.sha256, size: row.size },
      });
      return row;
    });
    return toDocumentView(doc);
  }

  async list(actor: Actor, innovationId: string): Promise<DocumentView[]> {
    await this.innovations.relate(actor, innovationId);
    return (await this.repo.documents(innovationId)).map(toDocumentView);
  }

  /** Documents of an innovation for a caller that has already checked access (e.g. an assigned juror's dossier). */
  async listFor(innovationId: string): Promise<DocumentView[]> {
    return (await this.repo.documents(innovationId)).map(toDocumentView);
  }

  /** The document and a stream of its bytes, with the innovation's read rules (404 otherwise). */
  async download(actor: Actor, id: string): Promise<{ doc: DocumentView; stream: Readable }> {
    const doc = await this.repo.findDocument(id);
    if (!doc) throw new NotFound('DOCUMENT_NOT_FOUND', `document ${id} not found`);
    await this.innovations.relate(actor, doc.innovationId).catch(() => {
      throw new NotFound('DOCUMENT_NOT_FOUND', `document ${id} not found`);
    });
    const stream = await this.storage.open(doc.storageKey).catch((err: unknown) => {
      // The row is there but its bytes are not in this store (lost, or not yet copied by storage:migrate).
      if (err instanceof StoredFileMissing)
        throw new NotFound('DOCUMENT_FILE_MISSING', `the file of document ${id} is missing from storage`, { documentId: id });
      throw err;
    });
    return { doc: toDocumentView(doc), stream };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const doc = await this.repo.findDocument(id);
    if (!doc || doc.kind !== 'evidence') throw new NotFound('DOCUMENT_NOT_FOUND', `document ${id} not found`);
    await this.db
      .transaction(async (tx) => {
        const innovation = await this.assertCanEditEvidence(actor, doc.innovationId, tx, true).catch((err: unknown) => {
          throw err instanceof NotFound ? new NotFound('DOCUMENT_NOT_FOUND', `document ${id} not found`) : err;
        });
        await this.repo.deleteDocument(tx, id);
        await this.audit.record(tx, {
          actorId: actor.id,
          action: 'document.delete',
          entityType: 'document',
          entityId: id,
          competitionId: innovation.competitionId,
          before: toDocumentView(doc),
        });
        // The bytes are moved aside last, so a failed commit puts them back; a crash in between is settled by
        // sweepStorage (row still there: restored; row gone: erased). Neither an orphan file nor a dangling row.
        await this.storage.trash(doc.storageKey);
      })
      .catch(async (err: unknown) => {
        await this.storage.restore(doc.storageKey).catch(() => undefined);
        throw err;
      });
    await this.storage.purge(doc.storageKey).catch(() => undefined);
  }

  /**
   * Clears what a crash or a cut-off upload left on disk: staged uploads last written before `before`, and
   * files of deletions interrupted before `before` (put back when their row survived, erased otherwise).
   */
  async sweepStorage(before: Date): Promise<{ staged: number; restored: number; purged: number }> {
    const staged = await this.storage.sweepStaged(before);
    return { staged, ...(await this.settleTrash(before)) };
  }

  /** This instance's staged uploads last written before `before` (staging is on each instance's disk). */
  sweepStaged(before: Date): Promise<number> {
    return this.storage.sweepStaged(before);
  }

  /** Deletions interrupted before `before`: the file is put back when its row survived, erased otherwise. */
  async settleTrash(before: Date): Promise<{ restored: number; purged: number }> {
    const keys = await this.storage.trashed(before);
    const kept = keys.length
      ? new Set(
          (await this.db.getRepository(DocumentEntity).find({ select: { storageKey: true }, where: { storageKey: In(keys) } })).map(
            (d) => d.storageKey,
          ),
        )
      : new Set<string>();
    for (const key of keys) await (kept.has(key) ? this.storage.restore(key) : this.storage.purge(key));
    return { restored: keys.filter((k) => kept.has(k)).length, purged: keys.filter((k) => !kept.has(k)).length };
  }
}
