namespace NcrsGateway.Sandbox.Nrl;

/// <summary>A small FHIR document Bundle (Composition first) written for the sandbox: an end of life care summary.</summary>
internal static class SandboxDocumentBundle
{
    public const string Json = """
        {
          "resourceType": "Bundle",
          "id": "5b0d8a4e-2f61-4c0a-9d51-3f1e2a7c9b10",
          "identifier": { "system": "https://tools.ietf.org/html/rfc4122", "value": "5b0d8a4e-2f61-4c0a-9d51-3f1e2a7c9b10" },
          "type": "document",
          "timestamp": "2025-03-14T10:30:00+00:00",
          "entry": [
            {
              "fullUrl": "urn:uuid:0c7a3f52-9e1b-4d6a-8f20-6b4d2e9a1c37",
              "resource": {
                "resourceType": "Composition",
                "id": "0c7a3f52-9e1b-4d6a-8f20-6b4d2e9a1c37",
                "status": "final",
                "type": { "coding": [ { "system": "http://snomed.info/sct", "code": "861421000000109", "display": "End of life care coordination summary" } ] },
                "subject": { "reference": "urn:uuid:6e2f1b8d-3a4c-4f5e-b7d9-1c2a3e4f5a6b" },
                "date": "2025-03-14T10:30:00+00:00",
                "author": [ { "display": "Sandbox Community Palliative Care Team" } ],
                "title": "End of life care coordination summary",
                "section": [
                  {
                    "title": "Preferences",
                    "text": { "status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">Sandbox data only. Preferred place of care: home.</div>" }
                  }
                ]
              }
            },
            {
              "fullUrl": "urn:uuid:6e2f1b8d-3a4c-4f5e-b7d9-1c2a3e4f5a6b",
              "resource": {
                "resourceType": "Patient",
                "id": "6e2f1b8d-3a4c-4f5e-b7d9-1c2a3e4f5a6b",
                "identifier": [ { "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9000000009" } ],
                "name": [ { "family": "SANDBOX", "given": [ "Robin" ] } ]
              }
            }
          ]
        }
        """;
}
