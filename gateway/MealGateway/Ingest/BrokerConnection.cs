namespace MealGateway.Ingest;

/// <summary>Where the gateway's ingest client connects and how it logs in (embedded or external broker).</summary>
public sealed record BrokerConnection(string Host, int Port, string UserName, string Password, string ClientId = "meal-gateway-ingest");
