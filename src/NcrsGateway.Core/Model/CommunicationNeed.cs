namespace NcrsGateway.Core.Model;

/// <summary>
/// A language the patient uses (UK Core NHSCommunication): whether an interpreter is needed, whether it is the
/// preferred language, how they communicate in it and how well.
/// </summary>
public sealed record CommunicationNeed(
    CodedConcept Language,
    bool? InterpreterRequired,
    bool? Preferred,
    IReadOnlyList<CodedConcept> Modes,
    CodedConcept? Proficiency);
