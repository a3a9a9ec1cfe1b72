export function App() {
  return (
    <main>
      <h1>govchat</h1>
    </main>
  );
}
