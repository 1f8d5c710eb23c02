import { DefaultAzureCredential } from "@azure/identity";
import { BlobServiceClient, RestError, type ContainerClient } from "@azure/storage-blob";
import type { Readable } from "node:stream";
import type { DocumentFiles } from "../../application/ports/documents.js";
import type { ScanState } from "../../domain/documents/document.js";
import type { Settings } from "../../settings.js";

// The files attached to referrals and cases, in one private container of the storage account the
// tables are in: reached with the connection string locally (Azurite's blob service) and with the
// service's managed identity in Azure, which holds Storage Blob Data Owner on this container alone
// (reading the blob index tag Defender writes its verdict in needs it). Nothing is ever
// public: every file is read through the service, behind a download link it signs.

/** What Microsoft Defender for Storage's malware scanning writes in the result tag when a file is clean. */
export const DEFENDER_CLEAN = "No threats found";
/** And when it found malware. */
export const DEFENDER_MALICIOUS = "Malicious";
/** And when it could not check the file (it failed, or the file was of a kind or size it does not scan). */
export const DEFENDER_UNCHECKED = ["Error", "Not scanned"];

function serviceClient(storage: Settings["storage"], blobUrl: string | undefined): BlobServiceClient {
  if (storage.kind === "connection-string")
    return BlobServiceClient.fromConnectionString(storage.connectionString);
  if (!blobUrl) throw new Error("STORAGE_BLOB_URL is needed to reach the documents' container");
  const credential = new DefaultAzureCredential(
    storage.clientId ? { managedIdentityClientId: storage.clientId } : {},
  );
  return new BlobServiceClient(blobUrl.replace(/\/$/, ""), credential);
}

const isStatus = (e: unknown, status: number): boolean => e instanceof RestError && e.statusCode === status;

export function blobContainer(settings: Pick<Settings, "storage" | "documents">): ContainerClient {
  return serviceClient(settings.storage, settings.documents.blobUrl).getContainerClient(
    settings.documents.container,
  );
}

/** Creates the documents' container, private (no public access), if it is not there yet. */
export async function ensureDocumentContainer(container: ContainerClient): Promise<void> {
  await container.createIfNotExists();
}

export function blobDocuments(
  container: ContainerClient,
  scan: Settings["documents"]["scan"],
): DocumentFiles {
  return {
    async put(name, bytes, contentType) {
      await container.getBlockBlobClient(name).uploadData(bytes, {
        blobHTTPHeaders: { blobContentType: contentType },
      });
    },
    async open(name) {
      try {
        const read = await container.getBlobClient(name).download();
        if (!read.readableStreamBody) return undefined;
        return { body: read.readableStreamBody as Readable, size: read.contentLength ?? 0 };
      } catch (e) {
        if (isStatus(e, 404)) return undefined;
        throw e;
      }
    },
    async remove(name) {
      await container.getBlobClient(name).deleteIfExists({ deleteSnapshots: "include" });
    },
    async scanVerdict(name): Promise<ScanState> {
      if (!scan) return "clean";
      const { tags } = await container.getBlobClient(name).getTags();
      const result = tags[scan.resultTag];
      if (result === DEFENDER_CLEAN) return "clean";
      if (result === DEFENDER_MALICIOUS) return "malicious";
      if (result !== undefined && DEFENDER_UNCHECKED.includes(result)) return "scan-failed";
      return "awaiting-scan";
    },
  };
}
