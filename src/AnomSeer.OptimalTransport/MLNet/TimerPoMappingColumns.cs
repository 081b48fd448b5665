namespace AnomSeer.OptimalTransport.MLNet;

/// <summary>The internal column names of the TimerPO advantage mapping.</summary>
internal static class TimerPoMappingColumns
{
    public const string Rewards = "__AnomSeerOt_Rewards";
    public const string ResponseHidden = "__AnomSeerOt_ResponseHidden";
    public const string ResponseTokenCounts = "__AnomSeerOt_ResponseTokenCounts";
    public const string ReferenceHidden = "__AnomSeerOt_ReferenceHidden";
    public const string State = "__AnomSeerOt_State";
    public const string Advantages = "__AnomSeerOt_Advantages";
    public const string TransportCosts = "__AnomSeerOt_TransportCosts";
    public const string Similarities = "__AnomSeerOt_Similarities";
}
