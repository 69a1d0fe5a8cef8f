// Uses no generated type, so that the only errors of the build are the ones about the model.
Console.WriteLine("This app must not build: its model names an unknown entity.");
